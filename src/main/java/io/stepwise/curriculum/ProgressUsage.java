package io.stepwise.curriculum;

import java.util.Collection;
import java.util.Map;

/**
 * What learners' progress says about content an admin is about to change or remove, so
 * the editor and an import's preview can tell whom it touches. Implemented by the module
 * that keeps progress; this one never reads progress itself.
 */
public interface ProgressUsage {

	/** How many learners have the item checked off now. */
	long learnersWithItem(long itemId);

	/**
	 * @param itemIds skills and tasks
	 * @return how many learners have checked off each item, in one statement; items no
	 * learner checked off are absent
	 */
	Map<Long, Integer> learnersWithItems(Collection<Long> itemIds);

	/**
	 * How many learners' progress or history names the week: they have it finished, or
	 * finished it once.
	 */
	long learnersWithWeek(long weekId);

}
