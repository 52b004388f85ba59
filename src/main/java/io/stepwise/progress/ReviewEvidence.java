package io.stepwise.progress;

/**
 * A mentor's review of one learner's evidence on one curriculum.
 *
 * @param learnerId the learner the mentor may see; the evidence must be theirs
 * @param version the version the mentor saw; a revision since then is a conflict
 */
public record ReviewEvidence(long evidenceId, long learnerId, long curriculumId, long reviewerId, boolean accepted,
		String feedback, long version) {
}
