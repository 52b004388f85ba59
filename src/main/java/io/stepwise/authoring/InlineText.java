package io.stepwise.authoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * The plain text of inline Markdown: emphasis dropped, escapes resolved, citation markers
 * ({@code [12]}) found with the line they sit on. Code spans are kept as text but never
 * split or read as markers, which is why a masked copy of the text is scanned instead of
 * the text itself.
 */
final class InlineText {

	private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,9})]");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final char MASK = 'x';

	private final String text;

	private final String scan;

	private final int[] fragmentStarts;

	private final int[] fragmentLines;

	private InlineText(String text, String scan, int[] fragmentStarts, int[] fragmentLines) {
		this.text = text;
		this.scan = scan;
		this.fragmentStarts = fragmentStarts;
		this.fragmentLines = fragmentLines;
	}

	static InlineText of(Node parent) {
		List<Node> children = new ArrayList<>();
		for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
			children.add(child);
		}
		return of(children);
	}

	static InlineText of(List<Node> nodes) {
		Builder builder = new Builder();
		nodes.forEach(builder::append);
		return builder.build();
	}

	/** The text with code spans masked, for finding separators. */
	String scan() {
		return this.scan;
	}

	/** The text without citation markers, whitespace collapsed and trimmed. */
	String plain() {
		StringBuilder result = new StringBuilder();
		int from = 0;
		Matcher matcher = MARKER.matcher(this.scan);
		while (matcher.find()) {
			result.append(this.text, from, matcher.start());
			from = matcher.end();
		}
		result.append(this.text, from, this.text.length());
		return WHITESPACE.matcher(result).replaceAll(" ").strip();
	}

	List<Citation> markers() {
		List<Citation> markers = new ArrayList<>();
		Matcher matcher = MARKER.matcher(this.scan);
		while (matcher.find()) {
			markers.add(new Citation(Integer.parseInt(matcher.group(1)), lineAt(matcher.start())));
		}
		return markers;
	}

	/** Cited reference numbers, in order of appearance, without repeats. */
	List<Integer> citations() {
		LinkedHashSet<Integer> numbers = new LinkedHashSet<>();
		markers().forEach((marker) -> numbers.add(marker.number()));
		return List.copyOf(numbers);
	}

	private int lineAt(int offset) {
		return (this.fragmentStarts.length > 0) ? this.fragmentLines[fragmentAt(offset)] : 1;
	}

	InlineText slice(int start, int end) {
		List<int[]> fragments = new ArrayList<>();
		for (int i = fragmentAt(start); i < this.fragmentStarts.length && this.fragmentStarts[i] < end; i++) {
			fragments.add(new int[] { Math.max(0, this.fragmentStarts[i] - start), this.fragmentLines[i] });
		}
		return new InlineText(this.text.substring(start, end), this.scan.substring(start, end),
				fragments.stream().mapToInt((f) -> f[0]).toArray(), fragments.stream().mapToInt((f) -> f[1]).toArray());
	}

	/**
	 * The fragment holding offset. A binary search, because a hostile cell can hold
	 * hundreds of thousands of fragments and markers.
	 */
	private int fragmentAt(int offset) {
		int index = Arrays.binarySearch(this.fragmentStarts, offset);
		return Math.max((index >= 0) ? index : -index - 2, 0);
	}

	/** A citation marker and the 1-based line it was written on. */
	record Citation(int number, int line) {
	}

	private static final class Builder {

		private final StringBuilder text = new StringBuilder();

		private final StringBuilder scan = new StringBuilder();

		private final List<Integer> starts = new ArrayList<>();

		private final List<Integer> lines = new ArrayList<>();

		void append(Node node) {
			if (node instanceof Text text) {
				add(text.getLiteral(), text.getLiteral(), node);
			}
			else if (node instanceof Code code) {
				add(code.getLiteral(), String.valueOf(MASK).repeat(code.getLiteral().length()), node);
			}
			else if (node instanceof SoftLineBreak || node instanceof HardLineBreak || node instanceof HtmlInline) {
				this.text.append(' ');
				this.scan.append(' ');
			}
			else {
				for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
					append(child);
				}
			}
		}

		private void add(String literal, String scanned, Node node) {
			this.starts.add(this.text.length());
			this.lines.add(Source.line(node));
			this.text.append(literal);
			this.scan.append(scanned);
		}

		InlineText build() {
			return new InlineText(this.text.toString(), this.scan.toString(),
					this.starts.stream().mapToInt(Integer::intValue).toArray(),
					this.lines.stream().mapToInt(Integer::intValue).toArray());
		}

	}

}
