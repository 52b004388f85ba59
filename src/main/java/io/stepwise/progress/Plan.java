package io.stepwise.progress;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The calendar of a curriculum from a start date: the curriculum's planned weeks spread
 * evenly over its weeks, so week {@code i} is due on day
 * {@code round(i * plannedDays / weekCount)}. Weeks begin on the weekday of the start
 * date. {@link Pace} measures against the same days.
 */
public final class Plan {

	private final LocalDate start;

	private final List<PlannedWeek> weeks;

	private final List<Long> dueOnDay;

	private Plan(LocalDate start, List<PlannedWeek> weeks, List<Long> dueOnDay) {
		this.start = start;
		this.weeks = weeks;
		this.dueOnDay = dueOnDay;
	}

	static Plan of(LocalDate start, int plannedWeeks, int weekCount) {
		long plannedDays = plannedWeeks * 7L;
		List<PlannedWeek> weeks = new ArrayList<>(weekCount);
		List<Long> due = new ArrayList<>(weekCount);
		long firstDay = 0;
		for (int week = 1; week <= weekCount; week++) {
			long dueDay = Math.round((double) week * plannedDays / weekCount);
			due.add(dueDay);
			// A curriculum with more weeks than planned days still gives each week a day.
			long lastDay = Math.max(firstDay, dueDay - 1);
			weeks.add(new PlannedWeek(week, start.plusDays(firstDay), start.plusDays(lastDay)));
			firstDay = Math.max(firstDay, dueDay);
		}
		return new Plan(start, List.copyOf(weeks), List.copyOf(due));
	}

	/**
	 * The one rule for where a learner's plan starts, on their own pages, their calendar
	 * and their mentor's: a cohort's start where the learner follows the curriculum in a
	 * cohort, their own start date otherwise.
	 * @param cohortStart the start of the learner's cohort on the curriculum, or null
	 */
	static LocalDate startFor(LocalDate ownStart, LocalDate cohortStart) {
		return (cohortStart != null) ? cohortStart : ownStart;
	}

	public LocalDate start() {
		return this.start;
	}

	public List<PlannedWeek> weeks() {
		return this.weeks;
	}

	/** The planned days of a week by its number, or null for a week the plan lacks. */
	public PlannedWeek week(int number) {
		return (number >= 1 && number <= this.weeks.size()) ? this.weeks.get(number - 1) : null;
	}

	/** How many weeks are due by the end of the day before {@code today}. */
	int weeksDueBy(LocalDate today) {
		long elapsedDays = ChronoUnit.DAYS.between(this.start, today);
		int due = 0;
		for (int week = 1; week <= this.dueOnDay.size(); week++) {
			if (this.dueOnDay.get(week - 1) <= elapsedDays) {
				due = week;
			}
		}
		return due;
	}

	/**
	 * One week's planned days.
	 *
	 * @param first the first day
	 * @param last the last day, inclusive
	 */
	public record PlannedWeek(int number, LocalDate first, LocalDate last) {

		/** The day after the last, as calendars end a span. */
		public LocalDate end() {
			return this.last.plusDays(1);
		}

	}

}
