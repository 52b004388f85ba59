package io.stepwise.progress;

import java.time.LocalDate;

/**
 * Where a learner stands against the calendar. The curriculum's planned weeks are spread
 * evenly over its gated weeks, so a 24-week syllabus expects one week per calendar week
 * and a 12-month roadmap a topic every few weeks.
 *
 * @param weeks how many weeks behind or ahead; 0 otherwise
 * @param expectedWeek the week the learner would be on if on schedule
 */
public record Pace(Status status, int weeks, int expectedWeek) {

	public enum Status {

		NOT_STARTED, ON_TRACK, BEHIND, AHEAD, FINISHED

	}

	/** Weeks ahead of the plan as a positive number, behind as a negative one. */
	public int signedWeeks() {
		return switch (this.status) {
			case AHEAD -> this.weeks;
			case BEHIND -> -this.weeks;
			default -> 0;
		};
	}

	public boolean isBehind() {
		return this.status == Status.BEHIND;
	}

	/**
	 * @param currentWeek the first unfinished week, or 0 when every week is finished
	 */
	static Pace of(LocalDate start, LocalDate today, int plannedWeeks, int weekCount, int currentWeek) {
		return of(Plan.of(start, plannedWeeks, weekCount), today, currentWeek);
	}

	/**
	 * @param currentWeek the first unfinished week, or 0 when every week is finished
	 */
	static Pace of(Plan plan, LocalDate today, int currentWeek) {
		int weekCount = plan.weeks().size();
		if (currentWeek == 0) {
			return new Pace(Status.FINISHED, 0, weekCount);
		}
		if (today.isBefore(plan.start())) {
			return new Pace(Status.NOT_STARTED, 0, 1);
		}
		int due = plan.weeksDueBy(today);
		int expected = Math.min(due + 1, weekCount);
		int difference = (due + 1) - currentWeek;
		if (difference > 0) {
			return new Pace(Status.BEHIND, difference, expected);
		}
		if (difference < 0) {
			return new Pace(Status.AHEAD, -difference, expected);
		}
		return new Pace(Status.ON_TRACK, 0, expected);
	}

}
