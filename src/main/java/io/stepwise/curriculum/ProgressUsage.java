package io.stepwise.curriculum;

/**
 * What learners' progress says about content an admin is about to remove. Implemented by
 * the module that keeps progress, so that this one can tell admins who is affected
 * without knowing how progress is stored.
 */
public interface ProgressUsage {

	/** How many learners have the item checked off now. */
	long learnersWithItem(long itemId);

	/**
	 * How many learners' progress or history names the week: they have it finished, or
	 * finished it once.
	 */
	long learnersWithWeek(long weekId);

}
