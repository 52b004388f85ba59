package io.stepwise.progress;

import java.time.ZonedDateTime;

/**
 * How far a learner is in one week.
 *
 * @param done how many of the items the week needs are done
 * @param required how many items the week needs done
 * @param finishedAt when the week was finished, in the learner's zone; null if not
 * @param unfinishedWeek the earlier week that keeps this one locked, or 0
 */
public record WeekProgress(long weekId, int number, Status status, int done, int required, ZonedDateTime finishedAt,
		int unfinishedWeek) {

	public enum Status {

		FINISHED, OPEN, LOCKED

	}

	public boolean isLocked() {
		return this.status == Status.LOCKED;
	}

	public boolean isFinished() {
		return this.status == Status.FINISHED;
	}

	public int percent() {
		return Percent.of(this.done, this.required, isFinished());
	}

}
