package io.stepwise.curriculum;

import java.util.Collection;
import java.util.Map;

/**
 * How much learners' progress rests on curriculum items, so a preview of a change can say
 * whom it touches. The progress module answers it; the curriculum module never reads
 * progress itself.
 */
public interface ProgressUsage {

	/**
	 * @param itemIds skills and tasks
	 * @return how many learners have checked off each item, in one statement; items no
	 * learner checked off are absent
	 */
	Map<Long, Integer> learnersWithItems(Collection<Long> itemIds);

}
