package io.stepwise.progress;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.curriculum.CurriculumTree.SkillView;
import io.stepwise.curriculum.CurriculumTree.TaskView;
import io.stepwise.curriculum.CurriculumTree.WeekView;

/**
 * One learner's state on one curriculum, and the rules that change it.
 * <ul>
 * <li>A week is finished when all its project tasks are done, or, when it has none, all
 * its skills. The moment is kept: a finished week stays finished when items are added to
 * it later.</li>
 * <li>The gate: items of a week can be changed only when every week before it is
 * finished. A locked week is read-only.</li>
 * <li>Unchecking an item a week needs re-opens the week; nothing done later is
 * undone.</li>
 * </ul>
 */
final class LearnerProgress {

	private final CurriculumTree curriculum;

	private final Map<Long, Instant> done;

	private final Map<Long, Instant> finished;

	private final Map<Long, WeekView> weekOfItem = new HashMap<>();

	/**
	 * @param done when each done item was checked off, by item id
	 * @param finished when each finished week was finished, by week id
	 */
	LearnerProgress(CurriculumTree curriculum, Map<Long, Instant> done, Map<Long, Instant> finished) {
		this.curriculum = curriculum;
		this.done = new HashMap<>(done);
		this.finished = new HashMap<>(finished);
		for (WeekView week : curriculum.weeks()) {
			week.itemIds().forEach((itemId) -> this.weekOfItem.put(itemId, week));
		}
	}

	/**
	 * What the week needs done to be finished: its tasks, or its skills when it has no
	 * tasks.
	 */
	static List<Long> requiredItems(WeekView week) {
		return week.tasks().isEmpty() ? week.skills().stream().map(SkillView::id).toList()
				: week.tasks().stream().map(TaskView::id).toList();
	}

	CurriculumTree curriculum() {
		return this.curriculum;
	}

	boolean isDone(long itemId) {
		return this.done.containsKey(itemId);
	}

	Optional<Instant> doneAt(long itemId) {
		return Optional.ofNullable(this.done.get(itemId));
	}

	/**
	 * Finished when its finish was recorded (it stays so when items are added later), or
	 * when everything it needs is done (also when it needs nothing).
	 */
	boolean isFinished(WeekView week) {
		return this.finished.containsKey(week.id()) || this.done.keySet().containsAll(requiredItems(week));
	}

	Optional<Instant> finishedAt(WeekView week) {
		return Optional.ofNullable(this.finished.get(week.id()));
	}

	/** The first unfinished week before the given one, which keeps it locked. */
	Optional<WeekView> blockerOf(WeekView week) {
		return currentWeek().filter((current) -> current.number() < week.number());
	}

	/** The week the learner is on: the first one not finished; empty when all are. */
	Optional<WeekView> currentWeek() {
		return this.curriculum.weeks().stream().filter((week) -> !isFinished(week)).findFirst();
	}

	Optional<WeekView> weekOf(long itemId) {
		return Optional.ofNullable(this.weekOfItem.get(itemId));
	}

	Outcome check(long itemId, Instant now) {
		WeekView week = openWeekOf(itemId);
		if (this.done.containsKey(itemId)) {
			return Outcome.unchanged(itemId, week);
		}
		this.done.put(itemId, now);
		boolean finishes = !this.finished.containsKey(week.id()) && this.done.keySet().containsAll(requiredItems(week));
		if (finishes) {
			this.finished.put(week.id(), now);
		}
		return new Outcome(itemId, week, true, finishes ? WeekChange.FINISHED : WeekChange.NONE);
	}

	Outcome uncheck(long itemId) {
		WeekView week = openWeekOf(itemId);
		if (!this.done.containsKey(itemId)) {
			return Outcome.unchanged(itemId, week);
		}
		this.done.remove(itemId);
		boolean reopens = this.finished.containsKey(week.id()) && requiredItems(week).contains(itemId);
		if (reopens) {
			this.finished.remove(week.id());
		}
		return new Outcome(itemId, week, true, reopens ? WeekChange.REOPENED : WeekChange.NONE);
	}

	private WeekView openWeekOf(long itemId) {
		WeekView week = weekOf(itemId).orElseThrow(() -> new ItemNotFoundException(itemId));
		blockerOf(week).ifPresent((blocker) -> {
			throw new WeekLockedException(week.number(), blocker.number());
		});
		return week;
	}

	enum WeekChange {

		NONE, FINISHED, REOPENED

	}

	/** What a check or uncheck changed, for the caller to store and record. */
	record Outcome(long itemId, WeekView week, boolean changed, WeekChange weekChange) {

		static Outcome unchanged(long itemId, WeekView week) {
			return new Outcome(itemId, week, false, WeekChange.NONE);
		}

	}

}
