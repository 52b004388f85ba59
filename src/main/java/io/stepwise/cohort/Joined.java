package io.stepwise.cohort;

/**
 * The outcome of following an invite link.
 *
 * @param curriculumSlug where the learner goes next
 * @param alreadyMember whether they were in the cohort before, so nothing changed
 */
record Joined(String curriculumSlug, boolean alreadyMember) {
}
