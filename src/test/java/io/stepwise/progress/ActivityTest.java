package io.stepwise.progress;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.stepwise.progress.Activity.Day;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityTest {

	/** A Wednesday. */
	private static final LocalDate TODAY = LocalDate.of(2026, 11, 18);

	private static final ZoneId UTC = ZoneOffset.UTC;

	@Test
	void countsACheckOffOnTheLearnersDayNotTheServers() {
		List<Instant> lateEvening = List.of(Instant.parse("2026-11-17T23:30:00Z"));
		Activity tokyo = Activity.of(lateEvening, TODAY, ZoneId.of("Asia/Tokyo"));
		assertThat(day(tokyo, TODAY).count()).isEqualTo(1);
		assertThat(day(tokyo, TODAY.minusDays(1)).count()).isZero();
		Activity utc = Activity.of(lateEvening, TODAY, UTC);
		assertThat(day(utc, TODAY).count()).isZero();
		assertThat(day(utc, TODAY.minusDays(1)).count()).isEqualTo(1);
	}

	@Test
	void countsEveryCheckOffOfADay() {
		Activity activity = Activity.of(List.of(at(TODAY, 9), at(TODAY, 10), at(TODAY, 23), at(TODAY.minusDays(3), 8)),
				TODAY, UTC);
		assertThat(day(activity, TODAY).count()).isEqualTo(3);
		assertThat(activity.total()).isEqualTo(4);
		assertThat(activity.activeDays()).isEqualTo(2);
		assertThat(activity.busiest().date()).isEqualTo(TODAY);
	}

	@Test
	void streakEndsTodayWhenTodayHasACheckOff() {
		Activity activity = Activity.of(days(TODAY, TODAY.minusDays(1), TODAY.minusDays(2)), TODAY, UTC);
		assertThat(activity.streak()).isEqualTo(3);
	}

	@Test
	void streakEndsYesterdayWhileTodayHasNoCheckOffYet() {
		Activity activity = Activity.of(days(TODAY.minusDays(1), TODAY.minusDays(2), TODAY.minusDays(3)), TODAY, UTC);
		assertThat(activity.streak()).isEqualTo(3);
	}

	@Test
	void streakStopsAtTheFirstDayWithoutACheckOff() {
		Activity activity = Activity.of(days(TODAY, TODAY.minusDays(1), TODAY.minusDays(3), TODAY.minusDays(4)), TODAY,
				UTC);
		assertThat(activity.streak()).isEqualTo(2);
	}

	@Test
	void noStreakWhenNeitherTodayNorYesterdayHasACheckOff() {
		Activity activity = Activity.of(days(TODAY.minusDays(2), TODAY.minusDays(3)), TODAY, UTC);
		assertThat(activity.streak()).isZero();
		assertThat(Activity.of(List.of(), TODAY, UTC).streak()).isZero();
	}

	@Test
	void gridHasTwentySixWeekColumnsFromAMondayWithOneRowPerWeekday() {
		Activity activity = Activity.of(List.of(), TODAY, UTC);
		assertThat(activity.columns()).isEqualTo(Activity.WEEKS).isEqualTo(26);
		Day first = activity.days().get(0);
		assertThat(first.date()).isEqualTo(LocalDate.of(2026, 5, 25));
		assertThat(first.date().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
		assertThat(first.column()).isZero();
		assertThat(first.row()).isZero();
		Day last = activity.days().get(activity.days().size() - 1);
		assertThat(last.date()).isEqualTo(TODAY);
		assertThat(last.column()).isEqualTo(25);
		assertThat(last.row()).isEqualTo(2);
		assertThat(activity.days()).hasSize(25 * 7 + 3);
		assertThat(activity.days())
			.allSatisfy((day) -> assertThat(day.row()).isEqualTo(day.date().getDayOfWeek().getValue() - 1));
		assertThat(activity.days()).allSatisfy((day) -> assertThat(day.level()).isZero());
		assertThat(activity.busiest()).isNull();
	}

	@Test
	void gridOnASundayEndsWithAFullColumn() {
		LocalDate sunday = LocalDate.of(2026, 11, 22);
		Activity activity = Activity.of(List.of(), sunday, UTC);
		assertThat(activity.columns()).isEqualTo(26);
		assertThat(activity.days()).hasSize(26 * 7);
		assertThat(activity.days().get(activity.days().size() - 1).row()).isEqualTo(6);
	}

	@Test
	void levelsScaleToTheBusiestDayInTheGrid() {
		List<Instant> checkOffs = new ArrayList<>();
		checkOffs.addAll(repeat(TODAY, 8));
		checkOffs.addAll(repeat(TODAY.minusDays(1), 6));
		checkOffs.addAll(repeat(TODAY.minusDays(2), 4));
		checkOffs.addAll(repeat(TODAY.minusDays(3), 1));
		// Busier, but before the grid: it must not flatten the levels shown.
		checkOffs.addAll(repeat(TODAY.minusWeeks(40), 100));
		Activity activity = Activity.of(checkOffs, TODAY, UTC);
		assertThat(day(activity, TODAY).level()).isEqualTo(4);
		assertThat(day(activity, TODAY.minusDays(1)).level()).isEqualTo(3);
		assertThat(day(activity, TODAY.minusDays(2)).level()).isEqualTo(2);
		assertThat(day(activity, TODAY.minusDays(3)).level()).isEqualTo(1);
		assertThat(day(activity, TODAY.minusDays(4)).level()).isZero();
		assertThat(activity.total()).isEqualTo(19);
		assertThat(activity.busiest().count()).isEqualTo(8);
	}

	private static Day day(Activity activity, LocalDate date) {
		return activity.days().stream().filter((day) -> day.date().equals(date)).findFirst().orElseThrow();
	}

	private static Instant at(LocalDate date, int hour) {
		return date.atTime(hour, 0).toInstant(ZoneOffset.UTC);
	}

	private static List<Instant> days(LocalDate... dates) {
		return List.of(dates).stream().map((date) -> at(date, 12)).toList();
	}

	private static List<Instant> repeat(LocalDate date, int count) {
		List<Instant> instants = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			instants.add(at(date, 12).plusSeconds(i));
		}
		return instants;
	}

}
