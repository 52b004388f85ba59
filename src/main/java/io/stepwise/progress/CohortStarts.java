package io.stepwise.progress;

import java.time.LocalDate;
import java.util.Map;

/**
 * The start dates of the cohorts a learner follows curricula in, which their plans count
 * from. The cohort module answers; this module does not know cohorts.
 */
public interface CohortStarts {

	/**
	 * @return the start of the learner's cohort on each curriculum, by curriculum id;
	 * where the learner is in several cohorts on one curriculum, the one joined last. One
	 * statement.
	 */
	Map<Long, LocalDate> byCurriculum(long learnerId);

}
