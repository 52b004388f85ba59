package io.stepwise.authoring;

import java.util.ArrayList;
import java.util.List;

/** Splits the text of a table cell into the items it lists. */
final class CellSplitter {

	private CellSplitter() {
	}

	/**
	 * Splits on commas that are not inside parentheses, so "queries (filter, annotate)"
	 * stays one item. Blank pieces are dropped.
	 */
	static List<InlineText> onCommasOutsideParentheses(InlineText cell) {
		String scan = cell.scan();
		List<InlineText> pieces = new ArrayList<>();
		int depth = 0;
		int start = 0;
		for (int i = 0; i < scan.length(); i++) {
			char c = scan.charAt(i);
			if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth = Math.max(0, depth - 1);
			}
			else if (c == ',' && depth == 0) {
				pieces.add(cell.slice(start, i));
				start = i + 1;
			}
		}
		pieces.add(cell.slice(start, scan.length()));
		return pieces.stream().filter((piece) -> !piece.plain().isEmpty()).toList();
	}

	/**
	 * Splits "1. Do this. 2. Do that." into its numbered items. Only the next expected
	 * number ends an item, so "Django 2.0" or a stray "5." inside a task does not split
	 * it; text that does not start with "1." is a single item.
	 */
	static List<InlineText> onNumbering(InlineText cell) {
		String scan = cell.scan();
		int first = numberAt(scan, skipWhitespace(scan, 0), 1);
		if (first < 0) {
			return cell.plain().isEmpty() ? List.of() : List.of(cell);
		}
		List<InlineText> items = new ArrayList<>();
		int start = first;
		int expected = 2;
		int searchFrom = start;
		while (true) {
			int next = findNumber(scan, searchFrom, expected);
			if (next < 0) {
				items.add(cell.slice(start, scan.length()));
				break;
			}
			items.add(cell.slice(start, next));
			start = numberAt(scan, next, expected);
			searchFrom = start;
			expected++;
		}
		return items.stream().filter((item) -> !item.plain().isEmpty()).toList();
	}

	private static int findNumber(String scan, int from, int number) {
		String digits = Integer.toString(number);
		for (int at = scan.indexOf(digits, from); at >= 0; at = scan.indexOf(digits, at + 1)) {
			boolean afterSpace = at > 0 && Character.isWhitespace(scan.charAt(at - 1));
			if (afterSpace && numberAt(scan, at, number) >= 0) {
				return at;
			}
		}
		return -1;
	}

	/**
	 * Where the item text starts if "N." or "N)" followed by whitespace and more text is
	 * at offset; a number that ends the cell ("version 4.") is part of the text.
	 */
	private static int numberAt(String scan, int offset, int number) {
		String digits = Integer.toString(number);
		if (!scan.startsWith(digits, offset)) {
			return -1;
		}
		int after = offset + digits.length();
		if (after >= scan.length() || (scan.charAt(after) != '.' && scan.charAt(after) != ')')) {
			return -1;
		}
		after++;
		if (after >= scan.length() || !Character.isWhitespace(scan.charAt(after))) {
			return -1;
		}
		int text = skipWhitespace(scan, after);
		return (text < scan.length()) ? text : -1;
	}

	private static int skipWhitespace(String scan, int offset) {
		int at = offset;
		while (at < scan.length() && Character.isWhitespace(scan.charAt(at))) {
			at++;
		}
		return at;
	}

}
