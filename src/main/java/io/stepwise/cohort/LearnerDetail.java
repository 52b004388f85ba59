package io.stepwise.cohort;

import java.util.Map;

import io.stepwise.account.Member;
import io.stepwise.progress.LearnerReport;

/**
 * A learner as their mentor reads them: the cohort, the learner, their report and the
 * names of who reviewed their evidence.
 */
record LearnerDetail(long cohortId, String cohortName, Member learner, LearnerReport report,
		Map<Long, Member> reviewers) {

	public String reviewerName(Long reviewerId) {
		Member reviewer = (reviewerId != null) ? this.reviewers.get(reviewerId) : null;
		return (reviewer != null) ? reviewer.displayName() : "";
	}

}
