package io.stepwise.cohort;

import java.time.LocalDate;

import io.stepwise.curriculum.CurriculumName;

/**
 * What an invite link shows a learner before they join.
 *
 * @param member whether the learner is in the cohort already
 */
record Invitation(String code, String cohortName, CurriculumName curriculum, LocalDate startDate, boolean member) {
}
