package io.stepwise.authoring;

import org.commonmark.node.Node;

/**
 * Caps how many weeks and items one document may create, so a hostile upload stays cheap.
 */
final class ItemBudget {

	static final int MAX_ITEMS = 5_000;

	private int used;

	void take(Node at) {
		this.used++;
		if (this.used > MAX_ITEMS) {
			throw new CurriculumFormatException(Source.line(at),
					"the document has more than " + MAX_ITEMS + " weeks and items");
		}
	}

}
