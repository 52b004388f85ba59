package io.stepwise.progress;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.curriculum.CurriculumTree.WeekView;
import io.stepwise.progress.LearnerProgress.Outcome;
import io.stepwise.progress.LearnerProgress.WeekChange;
import io.stepwise.system.ConflictException;
import io.stepwise.system.NotFoundException;

import static io.stepwise.progress.Curricula.skills;
import static io.stepwise.progress.Curricula.tasks;
import static io.stepwise.progress.Curricula.week;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LearnerProgressTest {

	private static final Instant T1 = Instant.parse("2026-11-02T10:00:00Z");

	private static final Instant T2 = Instant.parse("2026-11-03T10:00:00Z");

	private static final Instant T3 = Instant.parse("2026-11-04T10:00:00Z");

	/** Tasks decide week 1; week 2 has only skills; week 3 has both. */
	private final WeekView week1 = week(10, 1, skills(101, 102), tasks(111, 112));

	private final WeekView week2 = week(20, 2, skills(201, 202), List.of());

	private final WeekView week3 = week(30, 3, skills(301), tasks(311));

	private final CurriculumTree curriculum = Curricula.of(this.week1, this.week2, this.week3);

	@Test
	void weekWithTasksIsFinishedWhenAllItsTasksAreDoneWhateverItsSkills() {
		LearnerProgress progress = fresh();
		assertThat(progress.check(111, T1).weekChange()).isEqualTo(WeekChange.NONE);
		Outcome last = progress.check(112, T2);
		assertThat(last.weekChange()).isEqualTo(WeekChange.FINISHED);
		assertThat(progress.isFinished(this.week1)).isTrue();
		assertThat(progress.finishedAt(this.week1)).contains(T2);
		assertThat(progress.isDone(101)).isFalse();
		assertThat(progress.currentWeek()).contains(this.week2);
	}

	@Test
	void skillsAloneDoNotFinishAWeekThatHasTasks() {
		LearnerProgress progress = fresh();
		assertThat(progress.check(101, T1).weekChange()).isEqualTo(WeekChange.NONE);
		assertThat(progress.check(102, T1).weekChange()).isEqualTo(WeekChange.NONE);
		assertThat(progress.isFinished(this.week1)).isFalse();
		assertThat(progress.blockerOf(this.week2)).contains(this.week1);
	}

	@Test
	void weekWithoutTasksIsFinishedWhenAllItsSkillsAreDone() {
		LearnerProgress progress = week1Finished();
		assertThat(progress.check(201, T2).weekChange()).isEqualTo(WeekChange.NONE);
		assertThat(progress.isFinished(this.week2)).isFalse();
		assertThat(progress.check(202, T3).weekChange()).isEqualTo(WeekChange.FINISHED);
		assertThat(progress.isFinished(this.week2)).isTrue();
		assertThat(progress.finishedAt(this.week2)).contains(T3);
		assertThat(progress.currentWeek()).contains(this.week3);
	}

	@Test
	void weekWithoutItemsIsFinishedAndLocksNothing() {
		WeekView empty = week(20, 2, List.of(), List.of());
		LearnerProgress progress = new LearnerProgress(Curricula.of(this.week1, empty, this.week3),
				Map.of(111L, T1, 112L, T1), Map.of(10L, T1));
		assertThat(progress.isFinished(empty)).isTrue();
		assertThat(progress.blockerOf(this.week3)).isEmpty();
		assertThat(progress.currentWeek()).contains(this.week3);
	}

	@Test
	void refusesCheckOffInALockedWeekNamingTheFirstUnfinishedWeek() {
		LearnerProgress progress = fresh();
		assertThatExceptionOfType(WeekLockedException.class).isThrownBy(() -> progress.check(201, T1))
			.satisfies((locked) -> {
				assertThat(locked.week()).isEqualTo(2);
				assertThat(locked.unfinishedWeek()).isEqualTo(1);
			});
		// Week 3 waits for week 1, the first unfinished one, not for week 2.
		assertThatExceptionOfType(WeekLockedException.class).isThrownBy(() -> progress.check(311, T1))
			.satisfies((locked) -> {
				assertThat(locked.week()).isEqualTo(3);
				assertThat(locked.unfinishedWeek()).isEqualTo(1);
			});
		assertThat(progress.isDone(201)).isFalse();
		assertThat(progress.isDone(311)).isFalse();
	}

	@Test
	void blockerMovesOnOnceTheEarlierWeekIsFinished() {
		LearnerProgress progress = week1Finished();
		assertThat(progress.blockerOf(this.week2)).isEmpty();
		assertThatExceptionOfType(WeekLockedException.class).isThrownBy(() -> progress.check(311, T2))
			.satisfies((locked) -> assertThat(locked.unfinishedWeek()).isEqualTo(2));
	}

	@Test
	void refusesUncheckInALockedWeekAndKeepsTheCheckOff() {
		// Week 1 was re-opened after week 2 items were checked: those stay, but
		// read-only.
		LearnerProgress progress = new LearnerProgress(this.curriculum, Map.of(111L, T1, 201L, T2), Map.of());
		assertThatExceptionOfType(WeekLockedException.class).isThrownBy(() -> progress.uncheck(201))
			.satisfies((locked) -> {
				assertThat(locked.week()).isEqualTo(2);
				assertThat(locked.unfinishedWeek()).isEqualTo(1);
			});
		assertThat(progress.isDone(201)).isTrue();
		assertThat(progress.doneAt(201)).contains(T2);
	}

	@Test
	void lockedWeekIsAConflictNamingTheUnfinishedWeek() {
		WeekLockedException locked = new WeekLockedException(3, 2);
		assertThat(locked).isInstanceOf(ConflictException.class);
		assertThat(locked.title()).isEqualTo("Week locked");
		assertThat(locked.getMessage()).contains("week 2");
		assertThat(locked.properties()).containsEntry("unfinishedWeek", 2).containsEntry("week", 3);
	}

	@Test
	void uncheckingARequiredItemReopensTheWeekAndKeepsLaterCheckOffs() {
		LearnerProgress progress = week1Finished();
		progress.check(201, T2);
		Outcome outcome = progress.uncheck(111);
		assertThat(outcome.changed()).isTrue();
		assertThat(outcome.weekChange()).isEqualTo(WeekChange.REOPENED);
		assertThat(outcome.week()).isEqualTo(this.week1);
		assertThat(progress.isFinished(this.week1)).isFalse();
		assertThat(progress.finishedAt(this.week1)).isEmpty();
		assertThat(progress.isDone(201)).isTrue();
		assertThat(progress.blockerOf(this.week2)).contains(this.week1);
		assertThatExceptionOfType(WeekLockedException.class).isThrownBy(() -> progress.check(202, T3));
	}

	@Test
	void finishingAReopenedWeekAgainRecordsTheNewMoment() {
		LearnerProgress progress = week1Finished();
		progress.uncheck(111);
		assertThat(progress.check(111, T3).weekChange()).isEqualTo(WeekChange.FINISHED);
		assertThat(progress.finishedAt(this.week1)).contains(T3);
	}

	@Test
	void uncheckingASkillOfAWeekFinishedByItsTasksDoesNotReopenIt() {
		LearnerProgress progress = new LearnerProgress(this.curriculum, Map.of(101L, T1, 111L, T1, 112L, T1),
				Map.of(10L, T1));
		Outcome outcome = progress.uncheck(101);
		assertThat(outcome.changed()).isTrue();
		assertThat(outcome.weekChange()).isEqualTo(WeekChange.NONE);
		assertThat(progress.isDone(101)).isFalse();
		assertThat(progress.isFinished(this.week1)).isTrue();
		assertThat(progress.finishedAt(this.week1)).contains(T1);
	}

	@Test
	void finishedWeekStaysFinishedWhenTheCurriculumLaterGainsAnItem() {
		WeekView grown = week(10, 1, skills(101, 102), tasks(111, 112, 113));
		LearnerProgress progress = new LearnerProgress(Curricula.of(grown, this.week2, this.week3),
				Map.of(111L, T1, 112L, T1), Map.of(10L, T1));
		assertThat(progress.isFinished(grown)).isTrue();
		assertThat(progress.finishedAt(grown)).contains(T1);
		assertThat(progress.blockerOf(this.week2)).isEmpty();
		assertThat(progress.currentWeek()).contains(this.week2);
		// Doing the new task neither finishes the week a second time nor moves its
		// moment.
		Outcome outcome = progress.check(113, T2);
		assertThat(outcome.changed()).isTrue();
		assertThat(outcome.weekChange()).isEqualTo(WeekChange.NONE);
		assertThat(progress.finishedAt(grown)).contains(T1);
	}

	@Test
	void weekWhoseMissingItemsWereRemovedIsFinishedAndLocksNothing() {
		// Task 112 was removed from the curriculum: what is left of the week is done.
		WeekView shrunk = week(10, 1, skills(101, 102), tasks(111));
		LearnerProgress progress = new LearnerProgress(Curricula.of(shrunk, this.week2, this.week3), Map.of(111L, T1),
				Map.of());
		assertThat(progress.isFinished(shrunk)).isTrue();
		assertThat(progress.blockerOf(this.week2)).isEmpty();
		assertThat(progress.check(201, T2).changed()).isTrue();
	}

	@Test
	void checkingADoneItemAgainReportsUnchangedAndKeepsTheFirstMoment() {
		LearnerProgress progress = fresh();
		assertThat(progress.check(111, T1).changed()).isTrue();
		Outcome again = progress.check(111, T2);
		assertThat(again.changed()).isFalse();
		assertThat(again.weekChange()).isEqualTo(WeekChange.NONE);
		assertThat(again.week()).isEqualTo(this.week1);
		assertThat(progress.doneAt(111)).contains(T1);
	}

	@Test
	void uncheckingAnItemNotDoneReportsUnchanged() {
		LearnerProgress progress = week1Finished();
		Outcome outcome = progress.uncheck(101);
		assertThat(outcome.changed()).isFalse();
		assertThat(outcome.weekChange()).isEqualTo(WeekChange.NONE);
		assertThat(progress.isFinished(this.week1)).isTrue();
	}

	@Test
	void unknownItemIsNotFoundForCheckAndUncheck() {
		LearnerProgress progress = week1Finished();
		// 10 is a week's id, not an item's; 999 belongs to no week of this curriculum.
		for (long id : new long[] { 999, 10, -1, 0 }) {
			assertThatExceptionOfType(ItemNotFoundException.class).isThrownBy(() -> progress.check(id, T2))
				.isInstanceOf(NotFoundException.class);
			assertThatExceptionOfType(ItemNotFoundException.class).isThrownBy(() -> progress.uncheck(id));
		}
		assertThat(progress.isDone(999)).isFalse();
	}

	@Test
	void currentWeekIsEmptyWhenEveryWeekIsFinished() {
		LearnerProgress progress = new LearnerProgress(this.curriculum, Map.of(), Map.of(10L, T1, 20L, T2, 30L, T3));
		assertThat(progress.currentWeek()).isEmpty();
		assertThat(progress.blockerOf(this.week3)).isEmpty();
	}

	@Test
	void requiredItemsAreTheTasksOrTheSkillsWhenThereAreNoTasks() {
		assertThat(LearnerProgress.requiredItems(this.week1)).containsExactly(111L, 112L);
		assertThat(LearnerProgress.requiredItems(this.week2)).containsExactly(201L, 202L);
	}

	private LearnerProgress fresh() {
		return new LearnerProgress(this.curriculum, Map.of(), Map.of());
	}

	private LearnerProgress week1Finished() {
		return new LearnerProgress(this.curriculum, Map.of(111L, T1, 112L, T1), Map.of(10L, T1));
	}

}
