package io.stepwise.authoring;

import java.util.List;

import io.stepwise.curriculum.CurriculumDraft.ReferenceDraft;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;

/**
 * A document cut into the pieces every shape shares: title, intro, guidelines, the
 * {@code ##} parts and the reference list.
 */
record Outline(String title, Heading titleHeading, String intro, List<String> guidelines, List<Part> parts,
		List<ReferenceDraft> references) {

	/** A {@code ##} heading and the top-level blocks under it. */
	record Part(Heading heading, List<Node> blocks) {

		String headingText() {
			return InlineText.of(this.heading).plain();
		}

		int line() {
			return Source.line(this.heading);
		}

	}

}
