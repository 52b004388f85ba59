package io.stepwise.cohort;

import io.stepwise.account.Member;
import io.stepwise.progress.LearnerStanding;

/** One learner in a cohort view. */
record CohortRow(Member member, LearnerStanding standing) {

	/** Current week for sorting: learners who finished everything come last. */
	int weekOrder() {
		return this.standing.isFinished() ? Integer.MAX_VALUE : this.standing.currentWeek();
	}

}
