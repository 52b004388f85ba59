package io.stepwise.progress;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.stepwise.progress.Pace.Status;

import static org.assertj.core.api.Assertions.assertThat;

class PaceTest {

	private static final LocalDate START = LocalDate.of(2026, 11, 2);

	@Test
	void notStartedBeforeTheStartDate() {
		assertThat(syllabus(-1, 1)).isEqualTo(new Pace(Status.NOT_STARTED, 0, 1));
		assertThat(syllabus(-30, 1).status()).isEqualTo(Status.NOT_STARTED);
	}

	@Test
	void onTrackDuringTheFirstWeekOnWeekOne() {
		assertThat(syllabus(0, 1)).isEqualTo(new Pace(Status.ON_TRACK, 0, 1));
		assertThat(syllabus(6, 1)).isEqualTo(new Pace(Status.ON_TRACK, 0, 1));
	}

	@Test
	void behindByTheWeeksDueButNotFinished() {
		assertThat(syllabus(7, 1)).isEqualTo(new Pace(Status.BEHIND, 1, 2));
		assertThat(syllabus(21, 1)).isEqualTo(new Pace(Status.BEHIND, 3, 4));
		assertThat(syllabus(21, 3)).isEqualTo(new Pace(Status.BEHIND, 1, 4));
	}

	@Test
	void aheadWhenOnALaterWeekThanDue() {
		assertThat(syllabus(0, 3)).isEqualTo(new Pace(Status.AHEAD, 2, 1));
		assertThat(syllabus(14, 4)).isEqualTo(new Pace(Status.AHEAD, 1, 3));
	}

	@Test
	void finishedWhenNoWeekIsLeftWhateverTheDate() {
		assertThat(syllabus(3, 0)).isEqualTo(new Pace(Status.FINISHED, 0, 24));
		assertThat(syllabus(-5, 0).status()).isEqualTo(Status.FINISHED);
		assertThat(syllabus(400, 0).status()).isEqualTo(Status.FINISHED);
	}

	@Test
	void twentyFourWeekSyllabusExpectsOneWeekPerSevenDays() {
		for (int week = 1; week <= 24; week++) {
			int firstDay = (week - 1) * 7;
			assertThat(syllabus(firstDay, week)).as("first day of week %d", week)
				.isEqualTo(new Pace(Status.ON_TRACK, 0, week));
			assertThat(syllabus(firstDay + 6, week)).as("last day of week %d", week)
				.isEqualTo(new Pace(Status.ON_TRACK, 0, week));
		}
		// Past the plan, the last week stays the expected one and the learner is behind.
		assertThat(syllabus(24 * 7, 24)).isEqualTo(new Pace(Status.BEHIND, 1, 24));
	}

	@Test
	void roadmapSpreadsItsNineteenWeeksOverFiftyTwoPlannedWeeks() {
		// 364 days over 19 weeks: about 19 days per week of the roadmap.
		assertThat(roadmap(7, 1)).isEqualTo(new Pace(Status.ON_TRACK, 0, 1));
		assertThat(roadmap(18, 1)).isEqualTo(new Pace(Status.ON_TRACK, 0, 1));
		assertThat(roadmap(19, 1)).isEqualTo(new Pace(Status.BEHIND, 1, 2));
		assertThat(roadmap(37, 2)).isEqualTo(new Pace(Status.ON_TRACK, 0, 2));
		assertThat(roadmap(38, 2)).isEqualTo(new Pace(Status.BEHIND, 1, 3));
		assertThat(roadmap(182, 10)).isEqualTo(new Pace(Status.ON_TRACK, 0, 10));
		assertThat(roadmap(182, 12)).isEqualTo(new Pace(Status.AHEAD, 2, 10));
		assertThat(roadmap(363, 19)).isEqualTo(new Pace(Status.ON_TRACK, 0, 19));
		assertThat(roadmap(364, 19)).isEqualTo(new Pace(Status.BEHIND, 1, 19));
	}

	private static Pace syllabus(int elapsedDays, int currentWeek) {
		return Pace.of(START, START.plusDays(elapsedDays), 24, 24, currentWeek);
	}

	private static Pace roadmap(int elapsedDays, int currentWeek) {
		return Pace.of(START, START.plusDays(elapsedDays), 52, 19, currentWeek);
	}

}
