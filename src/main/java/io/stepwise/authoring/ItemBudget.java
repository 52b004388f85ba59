package io.stepwise.authoring;

import org.commonmark.node.Node;

/**
 * Caps how many weeks and items one document may create, in all and per week, so a
 * hostile upload stays cheap to read, store and show.
 */
final class ItemBudget {

	static final int MAX_ITEMS = 5_000;

	/** Ten years of weekly units; no curriculum a person follows is longer. */
	static final int MAX_WEEKS = 520;

	/** Skills and project tasks of one week: more would not fit on its page. */
	static final int MAX_ITEMS_PER_WEEK = 200;

	private int used;

	private int weeks;

	void take(Node at) {
		this.used++;
		if (this.used > MAX_ITEMS) {
			throw new CurriculumFormatException(Source.line(at),
					"the document has more than " + MAX_ITEMS + " weeks and items");
		}
	}

	void takeWeek(Node at) {
		take(at);
		this.weeks++;
		if (this.weeks > MAX_WEEKS) {
			throw new CurriculumFormatException(Source.line(at), "the document has more than " + MAX_WEEKS + " weeks");
		}
	}

	/**
	 * @param items the skills and project tasks of the week so far
	 */
	static void checkWeek(int items, Node at) {
		if (items > MAX_ITEMS_PER_WEEK) {
			throw new CurriculumFormatException(Source.line(at),
					"a week has more than " + MAX_ITEMS_PER_WEEK + " skills and project tasks; split it");
		}
	}

}
