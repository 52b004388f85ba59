package io.stepwise.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.curriculum.CurriculumTree.TaskView;
import io.stepwise.curriculum.CurriculumTree.WeekView;

import static io.stepwise.progress.Curricula.skills;
import static io.stepwise.progress.Curricula.tasks;
import static io.stepwise.progress.Curricula.week;
import static org.assertj.core.api.Assertions.assertThat;

class CurriculumProgressTest {

	private static final Instant FINISHED = Instant.parse("2026-03-02T10:00:00Z");

	private static final Instant ADDED_LATER = Instant.parse("2026-03-09T10:00:00Z");

	private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

	/**
	 * Week 1 was finished with tasks 111 and 112; task 113 was added to it a week later.
	 */
	private final WeekView grown = week(10, 1, skills(101),
			Stream.concat(tasks(111, 112).stream(), Stream.of(new TaskView(113, 3, "Added later", ADDED_LATER)))
				.toList());

	private final WeekView week2 = week(20, 2, skills(201), tasks(211, 212));

	private final CurriculumTree curriculum = Curricula.of(this.grown, this.week2);

	private final CurriculumProgress progress = new CurriculumProgress(
			new LearnerProgress(this.curriculum, Map.of(111L, FINISHED, 112L, FINISHED), Map.of(10L, FINISHED)),
			LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 10), ZONE);

	@Test
	void aFinishedWeekThatGainedAnItemStaysFinishedAndWhole() {
		WeekProgress week1 = this.progress.week(10);
		assertThat(week1.isFinished()).isTrue();
		assertThat(week1.done()).isEqualTo(2);
		assertThat(week1.required()).isEqualTo(3);
		assertThat(week1.percent()).isEqualTo(100);
		assertThat(week1.finishedAt()).isEqualTo(FINISHED.atZone(ZONE));
		// Week 1 counts whole (3 of 5 required items), week 2 has none done.
		assertThat(this.progress.percent()).isEqualTo(60);
		assertThat(this.progress.currentWeek()).isEqualTo(this.week2);
	}

	@Test
	void itemsAddedAfterTheFinishAreNewSinceFinishedUntilDone() {
		assertThat(this.progress.isNewSinceFinished(113, ADDED_LATER, 10)).isTrue();
		assertThat(this.progress.isNewSinceFinished(111, Curricula.CREATED, 10)).isFalse();
		assertThat(this.progress.newSinceFinished()).extracting(CurriculumProgress.NextItem::itemId)
			.containsExactly(113L);

		CurriculumProgress afterDoingIt = new CurriculumProgress(new LearnerProgress(this.curriculum,
				Map.of(111L, FINISHED, 112L, FINISHED, 113L, ADDED_LATER.plusSeconds(60)), Map.of(10L, FINISHED)),
				LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 10), ZONE);
		assertThat(afterDoingIt.newSinceFinished()).isEmpty();
	}

	/**
	 * History recorded elsewhere can predate the week's storing; its own items are not
	 * new.
	 */
	@Test
	void itemsStoredWithTheWeekAreNotNewToHistoryFromBeforeIt() {
		Instant longAgo = Curricula.CREATED.minusSeconds(90 * 24 * 3600);
		CurriculumProgress replayed = new CurriculumProgress(
				new LearnerProgress(this.curriculum, Map.of(111L, longAgo, 112L, longAgo), Map.of(10L, longAgo)),
				LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 1), LocalDate.of(2026, 3, 10), ZONE);
		assertThat(replayed.isNewSinceFinished(101, Curricula.CREATED, 10)).isFalse();
		assertThat(replayed.isNewSinceFinished(113, ADDED_LATER, 10)).isTrue();
		assertThat(replayed.newSinceFinished()).extracting(CurriculumProgress.NextItem::itemId).containsExactly(113L);
	}

	@Test
	void nothingIsNewInAWeekThatIsNotFinished() {
		assertThat(this.progress.isNewSinceFinished(211, ADDED_LATER, 20)).isFalse();
		assertThat(this.progress.nextItems(5)).extracting(CurriculumProgress.NextItem::itemId)
			.containsExactly(211L, 212L, 201L);
		assertThat(this.progress.nextItems(2)).hasSize(2);
		assertThat(List.of(this.progress.week(20).percent())).containsExactly(0);
	}

	@Test
	void thePlanAndThePaceCountFromThePlanStartNotTheLearnersOwnStart() {
		// Two weeks, planned over two calendar weeks: week 2 is due on day 14.
		LearnerProgress onWeekTwo = new LearnerProgress(this.curriculum, Map.of(111L, FINISHED, 112L, FINISHED),
				Map.of(10L, FINISHED));
		CurriculumProgress ownStart = new CurriculumProgress(onWeekTwo, LocalDate.of(2026, 3, 1),
				LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 10), ZONE);
		CurriculumProgress cohortStart = new CurriculumProgress(onWeekTwo, LocalDate.of(2026, 3, 1),
				LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 10), ZONE);
		assertThat(ownStart.plannedWeek(this.week2).first()).isEqualTo(LocalDate.of(2026, 3, 8));
		assertThat(ownStart.pace()).isEqualTo(new Pace(Pace.Status.ON_TRACK, 0, 2));
		assertThat(cohortStart.startDate()).isEqualTo(LocalDate.of(2026, 3, 1));
		assertThat(cohortStart.plannedWeek(this.week2).first()).isEqualTo(LocalDate.of(2026, 3, 16));
		assertThat(cohortStart.pace()).isEqualTo(new Pace(Pace.Status.AHEAD, 1, 1));
	}

}
