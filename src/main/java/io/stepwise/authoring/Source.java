package io.stepwise.authoring;

import java.util.List;
import java.util.stream.Collectors;

import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.ThematicBreak;

/**
 * The normalised document text, so parsed blocks can be given back to authors as the
 * Markdown they wrote.
 */
final class Source {

	private final String text;

	Source(String text) {
		this.text = text;
	}

	String text() {
		return this.text;
	}

	/** The 1-based line a node starts on; nodes without spans report their parent's. */
	static int line(Node node) {
		for (Node current = node; current != null; current = current.getParent()) {
			List<SourceSpan> spans = current.getSourceSpans();
			if (!spans.isEmpty()) {
				return spans.get(0).getLineIndex() + 1;
			}
		}
		return 1;
	}

	/**
	 * The line the source of consecutive blocks starts on, as {@link #slice} cuts it;
	 * {@code otherwise} when they hold nothing but thematic breaks.
	 */
	static int line(List<Node> blocks, int otherwise) {
		return blocks.stream()
			.filter((block) -> !(block instanceof ThematicBreak))
			.findFirst()
			.map(Source::line)
			.orElse(otherwise);
	}

	/**
	 * The source of consecutive blocks as written, from the first to the last block that
	 * is not a thematic break.
	 */
	String slice(List<Node> blocks) {
		List<Node> content = blocks.stream().filter((block) -> !(block instanceof ThematicBreak)).toList();
		if (content.isEmpty()) {
			return "";
		}
		List<SourceSpan> first = content.get(0).getSourceSpans();
		List<SourceSpan> last = content.get(content.size() - 1).getSourceSpans();
		if (first.isEmpty() || last.isEmpty()) {
			return "";
		}
		SourceSpan end = last.get(last.size() - 1);
		return this.text.substring(first.get(0).getInputIndex(), end.getInputIndex() + end.getLength()).strip();
	}

	/** The inline source of a leaf block such as a list item's paragraph. */
	String inline(Node block) {
		return block.getSourceSpans()
			.stream()
			.map((span) -> this.text.substring(span.getInputIndex(), span.getInputIndex() + span.getLength()))
			.collect(Collectors.joining("\n"))
			.strip();
	}

}
