package io.stepwise.cohort;

import java.time.LocalDate;

/**
 * New name and start date of a cohort.
 *
 * @param version the version the admin saw; a change since then is a conflict
 */
record EditCohort(long cohortId, String name, LocalDate startDate, long version) {
}
