package io.stepwise.authoring;

import io.stepwise.curriculum.ContentLimits;
import org.commonmark.node.Node;

/**
 * Refuses text longer than the field it is stored in, at the line it came from, so a
 * document that parses also stores.
 *
 * @see ContentLimits
 */
final class Lengths {

	private Lengths() {
	}

	/**
	 * @param what how an author would name the text, e.g. "skill name"
	 * @return the text, unchanged
	 */
	static String atMost(String text, int limit, String what, Node at) {
		return atMost(text, limit, what, Source.line(at));
	}

	static String atMost(String text, int limit, String what, int line) {
		if (text.length() > limit) {
			throw new CurriculumFormatException(line, what + " is longer than " + limit + " characters");
		}
		return text;
	}

}
