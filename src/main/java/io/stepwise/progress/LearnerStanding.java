package io.stepwise.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where one learner stands on a curriculum, for a mentor's view of a cohort.
 *
 * @param enrolled false for a member of the cohort who is not enrolled (then every week
 * is not started and nothing else is known)
 * @param currentWeek the first unfinished week, 0 when every week is finished
 * @param pace against the cohort's start date, not the learner's own
 * @param lastActivity the latest thing that happened to the learner's progress, or null
 * @param reviewsWaiting evidence the learner submitted that waits for a review
 */
public record LearnerStanding(long learnerId, boolean enrolled, LocalDate startDate, int percent, int currentWeek,
		Pace pace, Instant lastActivity, int reviewsWaiting, List<WeekCell> weeks) {

	/** The same standing without its weeks, to keep many of them in little memory. */
	public LearnerStanding withoutWeeks() {
		return new LearnerStanding(this.learnerId, this.enrolled, this.startDate, this.percent, this.currentWeek,
				this.pace, this.lastActivity, this.reviewsWaiting, List.of());
	}

	public boolean isFinished() {
		return this.enrolled && this.currentWeek == 0;
	}

	/** Inactive when nothing happened for the given number of days, or ever. */
	public boolean inactiveSince(Instant cutoff) {
		return this.lastActivity == null || this.lastActivity.isBefore(cutoff);
	}

}
