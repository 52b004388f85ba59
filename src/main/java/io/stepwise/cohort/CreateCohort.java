package io.stepwise.cohort;

import java.time.LocalDate;

/** A new cohort, as an admin asks for it. */
record CreateCohort(String name, String curriculumSlug, LocalDate startDate) {
}
