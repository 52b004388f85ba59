package io.stepwise.progress;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A write to a week that an unfinished earlier week keeps locked. Nothing was written.
 */
class WeekLockedException extends ErrorResponseException {

	private final int week;

	private final int unfinishedWeek;

	WeekLockedException(int week, int unfinishedWeek) {
		super(HttpStatus.CONFLICT, problem(week, unfinishedWeek), null);
		this.week = week;
		this.unfinishedWeek = unfinishedWeek;
	}

	private static ProblemDetail problem(int week, int unfinishedWeek) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"Week " + week + " is locked. Finish week " + unfinishedWeek + " first.");
		problem.setTitle("Week locked");
		problem.setProperty("week", week);
		problem.setProperty("unfinishedWeek", unfinishedWeek);
		return problem;
	}

	int week() {
		return this.week;
	}

	int unfinishedWeek() {
		return this.unfinishedWeek;
	}

}
