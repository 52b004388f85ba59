package io.stepwise.progress;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import io.stepwise.progress.Plan.PlannedWeek;

import static org.assertj.core.api.Assertions.assertThat;

class PlanTest {

	private static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

	@Test
	void theSyllabusPlansOneCalendarWeekPerWeek() {
		Plan plan = Plan.of(MONDAY, 24, 24);
		assertThat(plan.weeks()).hasSize(24);
		assertThat(plan.week(1)).isEqualTo(new PlannedWeek(1, MONDAY, LocalDate.of(2026, 11, 8)));
		assertThat(plan.week(2)).isEqualTo(new PlannedWeek(2, LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 15)));
		assertThat(plan.week(24).last()).isEqualTo(MONDAY.plusDays(24 * 7 - 1));
		for (PlannedWeek week : plan.weeks()) {
			assertThat(week.first().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
			assertThat(week.last().getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
			assertThat(week.end()).isEqualTo(week.last().plusDays(1));
		}
	}

	@Test
	void theRoadmapSpreadsItsNineteenWeeksOverFiftyTwoCalendarWeeks() {
		Plan plan = Plan.of(MONDAY, 52, 19);
		assertThat(plan.weeks()).hasSize(19);
		// 364 days over 19 weeks: week i is due on day round(i * 364 / 19).
		for (int i = 1; i <= 19; i++) {
			long due = Math.round(i * 364.0 / 19);
			long previous = Math.round((i - 1) * 364.0 / 19);
			PlannedWeek week = plan.week(i);
			assertThat(week.first()).as("week %d", i).isEqualTo(MONDAY.plusDays(previous));
			assertThat(week.end()).as("week %d", i).isEqualTo(MONDAY.plusDays(due));
		}
		assertThat(plan.week(1)).isEqualTo(new PlannedWeek(1, MONDAY, MONDAY.plusDays(18)));
		assertThat(plan.week(2).first()).isEqualTo(MONDAY.plusDays(19));
		assertThat(plan.week(19).end()).isEqualTo(MONDAY.plusDays(364));
		// The weeks follow each other without gaps or overlaps.
		for (int i = 2; i <= 19; i++) {
			assertThat(plan.week(i).first()).isEqualTo(plan.week(i - 1).end());
		}
	}

	@Test
	void weeksStartOnTheWeekdayOfTheStart() {
		LocalDate sunday = LocalDate.of(2027, 1, 3);
		Plan plan = Plan.of(sunday, 24, 24);
		assertThat(plan.week(1)).isEqualTo(new PlannedWeek(1, sunday, LocalDate.of(2027, 1, 9)));
		assertThat(plan.weeks()).allSatisfy((week) -> {
			assertThat(week.first().getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
			assertThat(week.last().getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
		});
	}

	@Test
	void thePaceCountsWeeksDueByTheSameDaysThePlanShows() {
		for (int[] shape : new int[][] { { 24, 24 }, { 52, 19 }, { 12, 30 } }) {
			Plan plan = Plan.of(MONDAY, shape[0], shape[1]);
			for (PlannedWeek week : plan.weeks()) {
				for (LocalDate day = week.first(); !day.isAfter(week.last()); day = day.plusDays(1)) {
					assertThat(Pace.of(plan, day, week.number()).status())
						.as("%s week %d on %s", shape[1], week.number(), day)
						.isEqualTo(Pace.Status.ON_TRACK);
					assertThat(Pace.of(plan, day, 1).expectedWeek()).isEqualTo(week.number());
				}
			}
		}
	}

	@Test
	void everyWeekGetsADayWhenThereAreMoreWeeksThanPlannedDays() {
		Plan plan = Plan.of(MONDAY, 1, 10);
		assertThat(plan.weeks()).allSatisfy(
				(week) -> assertThat(ChronoUnit.DAYS.between(week.first(), week.end())).isGreaterThanOrEqualTo(1));
	}

	@Test
	void aCohortStartStandsOverTheLearnersOwn() {
		LocalDate own = LocalDate.of(2026, 11, 2);
		LocalDate cohort = LocalDate.of(2026, 11, 9);
		assertThat(Plan.startFor(own, cohort)).isEqualTo(cohort);
		assertThat(Plan.startFor(own, null)).isEqualTo(own);
	}

	@Test
	void aWeekOutsideThePlanHasNoDays() {
		Plan plan = Plan.of(MONDAY, 24, 24);
		assertThat(plan.week(0)).isNull();
		assertThat(plan.week(25)).isNull();
	}

}
