package io.stepwise.cohort;

import java.time.LocalDate;

/**
 * A cohort at a glance, for the mentor's list.
 *
 * @param behind learners behind the cohort's pace
 * @param inactive learners with no activity for {@link CohortReports#INACTIVE_DAYS} days
 */
record CohortSummary(long id, String name, String curriculumSlug, String curriculumTitle, LocalDate startDate, int size,
		int averagePercent, int behind, int inactive, int reviewsWaiting) {
}
