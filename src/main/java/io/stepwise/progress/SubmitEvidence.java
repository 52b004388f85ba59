package io.stepwise.progress;

/** A learner's evidence for one task, already checked for form rules. */
record SubmitEvidence(long learnerId, String slug, long itemId, String url, String note) {
}
