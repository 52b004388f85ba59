package io.stepwise.authoring;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes stored text as Markdown that the parser reads back to the same text. Most
 * characters with a meaning in Markdown are escaped with a backslash; what the parser
 * finds after escapes are resolved (citation markers such as {@code [12]}, commas that
 * split a syllabus cell, the numbering of its tasks) can only be hidden from it in a code
 * span, whose text the parser keeps but never splits or reads as markers.
 * <p>
 * Whitespace is collapsed as the parser collapses it; other text is kept character for
 * character.
 */
final class MarkdownEscapes {

	private static final Pattern MARKER = Pattern.compile("\\[\\d{1,9}]");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final Pattern ENTITY = Pattern.compile("&#?[A-Za-z0-9]+;");

	/**
	 * What would open a block where a line starts: a heading, quote, list, fence or
	 * thematic break ({@code *} is always escaped).
	 */
	private static final Pattern BLOCK_START = Pattern.compile("^(?:[#>=~+-]|\\d{1,9}[.)](?:\\s|$))");

	private MarkdownEscapes() {
	}

	/** Text inside a line: after a bullet's bold name, in a heading, in a table cell. */
	static String text(String text) {
		String flat = flat(text);
		return write(flat, markers(flat), false, false);
	}

	/** Text that starts a block, such as a bullet's or a paragraph's. */
	static String blockStart(String text) {
		String written = text(text);
		if (!BLOCK_START.matcher(written).find()) {
			return written;
		}
		// a number is made harmless by escaping the "." or ")" after it
		int at = 0;
		while (Character.isDigit(written.charAt(at))) {
			at++;
		}
		return written.substring(0, at) + "\\" + written.substring(at);
	}

	/** The text of an ATX heading, whose closing run of {@code #} would be dropped. */
	static String heading(String text) {
		String written = text(text);
		return written.endsWith("#") ? written.substring(0, written.length() - 1) + "\\#" : written;
	}

	/** A table cell: pipes would end the cell. */
	static String cell(String text) {
		String flat = flat(text);
		return write(flat, markers(flat), true, false);
	}

	/**
	 * One skill or plain resource of a syllabus cell, which the parser splits on commas
	 * outside parentheses: such commas, and any opening parenthesis left unclosed (it
	 * would hide the comma after the item), go into code spans.
	 */
	static String listedInCell(String text) {
		String flat = flat(text);
		boolean[] masked = markers(flat);
		Deque<Integer> open = new ArrayDeque<>();
		for (int i = 0; i < flat.length(); i++) {
			if (masked[i]) {
				continue;
			}
			if (flat.charAt(i) == '(') {
				open.push(i);
			}
			else if (flat.charAt(i) == ')' && !open.isEmpty()) {
				open.pop();
			}
		}
		open.forEach((i) -> masked[i] = true);
		int depth = 0;
		for (int i = 0; i < flat.length(); i++) {
			char c = flat.charAt(i);
			if (masked[i]) {
				continue;
			}
			if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth = Math.max(0, depth - 1);
			}
			else if (c == ',' && depth == 0) {
				masked[i] = true;
			}
		}
		return write(flat, masked, true, false);
	}

	/**
	 * Task number {@code position} of a syllabus cell written as {@code 1. … 2. …}: the
	 * next task's number, written as a word of its own followed by "." or ")", would end
	 * the task early and goes into a code span.
	 */
	static String taskInCell(String text, int position) {
		String flat = flat(text);
		boolean[] masked = markers(flat);
		String next = Integer.toString(position + 1);
		for (int at = flat.indexOf(next); at >= 0; at = flat.indexOf(next, at + 1)) {
			int after = at + next.length();
			boolean wordStart = at == 0 || Character.isWhitespace(flat.charAt(at - 1));
			boolean numbering = after < flat.length() && (flat.charAt(after) == '.' || flat.charAt(after) == ')')
					&& (after + 1 == flat.length() || Character.isWhitespace(flat.charAt(after + 1)));
			if (wordStart && numbering) {
				for (int i = at; i < after; i++) {
					masked[i] = true;
				}
			}
		}
		return write(flat, masked, true, false);
	}

	/** The text of a link, which a {@code ]} would end. */
	static String linkText(String text, boolean inCell) {
		String flat = flat(text);
		return write(flat, markers(flat), inCell, true);
	}

	/**
	 * A link destination. Stored URLs have no spaces or control characters; escapes and
	 * entities are resolved in destinations as in text, and unbalanced parentheses would
	 * end it.
	 */
	static String destination(String url, boolean inCell) {
		int depth = 0;
		boolean balanced = true;
		for (char c : url.toCharArray()) {
			depth += (c == '(') ? 1 : (c == ')') ? -1 : 0;
			balanced &= depth >= 0;
		}
		boolean escapeParentheses = !balanced || depth != 0;
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < url.length(); i++) {
			char c = url.charAt(i);
			if (c == '\\' || (escapeParentheses && (c == '(' || c == ')')) || (c == '&' && entityAt(url, i)) || c == '<'
					|| c == '>' || (inCell && c == '|')) {
				out.append('\\');
			}
			out.append(c);
		}
		return out.toString();
	}

	/** Citation markers written after a text: {@code [1][2]}. */
	static String citations(List<Integer> numbers) {
		StringBuilder out = new StringBuilder();
		numbers.forEach((number) -> out.append('[').append(number).append(']'));
		return out.toString();
	}

	/** Whitespace as the parser leaves it: single spaces, none at the ends. */
	static String flat(String text) {
		return WHITESPACE.matcher(text).replaceAll(" ").strip();
	}

	private static boolean[] markers(String text) {
		boolean[] masked = new boolean[text.length()];
		Matcher marker = MARKER.matcher(text);
		while (marker.find()) {
			for (int i = marker.start(); i < marker.end(); i++) {
				masked[i] = true;
			}
		}
		return masked;
	}

	/**
	 * @param inCell whether the text is in a table cell, where a pipe ends the cell even
	 * after a backslash that is itself escaped, so such a backslash goes into a code span
	 * @param inLink whether the text is a link's, which a {@code ]} ends
	 */
	private static String write(String text, boolean[] masked, boolean inCell, boolean inLink) {
		if (inCell) {
			for (int i = 0; i + 1 < text.length(); i++) {
				masked[i] |= text.charAt(i) == '\\' && text.charAt(i + 1) == '|';
			}
		}
		StringBuilder out = new StringBuilder(text.length() + 16);
		int i = 0;
		while (i < text.length()) {
			if (masked[i]) {
				int end = i;
				while (end < text.length() && masked[end]) {
					end++;
				}
				// masked runs hold markers, commas, parentheses, digits and backslashes:
				// never a backtick, and never a space the code span would strip
				out.append('`').append(text, i, end).append('`');
				i = end;
				continue;
			}
			char c = text.charAt(i);
			boolean escape = switch (c) {
				case '\\', '`', '*', '[', '<' -> true;
				// "_" between letters never emphasises; next to a code span it could
				case '_' -> !(plainLetterOrDigitAt(text, masked, i - 1) && plainLetterOrDigitAt(text, masked, i + 1));
				case '&' -> entityAt(text, i);
				case '|' -> inCell;
				case ']' -> inLink;
				default -> false;
			};
			if (escape) {
				out.append('\\');
			}
			out.append(c);
			i++;
		}
		return out.toString();
	}

	private static boolean plainLetterOrDigitAt(String text, boolean[] masked, int index) {
		return index >= 0 && index < text.length() && !masked[index] && Character.isLetterOrDigit(text.charAt(index));
	}

	private static boolean entityAt(String text, int index) {
		Matcher entity = ENTITY.matcher(text);
		return entity.find(index) && entity.start() == index;
	}

}
