package io.stepwise.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.curriculum.CurriculumTree.PhaseView;
import io.stepwise.curriculum.CurriculumTree.WeekView;

/**
 * A learner's progress on one curriculum as pages show it: per item, week, phase and
 * curriculum, with times in the learner's zone.
 */
public final class CurriculumProgress {

	private final LearnerProgress progress;

	private final LocalDate startDate;

	private final Plan plan;

	private final LocalDate today;

	private final ZoneId zone;

	private final Map<Long, WeekProgress> weeks;

	private final Map<Long, WeekView> weekViews;

	/**
	 * @param startDate the learner's own start date
	 * @param planStart the date the plan counts from (see {@link Plan#startFor})
	 */
	CurriculumProgress(LearnerProgress progress, LocalDate startDate, LocalDate planStart, LocalDate today,
			ZoneId zone) {
		this.progress = progress;
		this.startDate = startDate;
		this.plan = Plan.of(planStart, progress.curriculum().plannedWeeks(), progress.curriculum().weekCount());
		this.today = today;
		this.zone = zone;
		this.weekViews = progress.curriculum()
			.weeks()
			.stream()
			.collect(Collectors.toMap(WeekView::id, Function.identity()));
		this.weeks = progress.curriculum()
			.weeks()
			.stream()
			.map(this::weekProgress)
			.collect(Collectors.toMap(WeekProgress::weekId, Function.identity()));
	}

	private WeekProgress weekProgress(WeekView week) {
		List<Long> required = LearnerProgress.requiredItems(week);
		int done = (int) required.stream().filter(this.progress::isDone).count();
		int blocker = this.progress.blockerOf(week).map(WeekView::number).orElse(0);
		WeekProgress.Status status = this.progress.isFinished(week) ? WeekProgress.Status.FINISHED
				: (blocker > 0) ? WeekProgress.Status.LOCKED : WeekProgress.Status.OPEN;
		return new WeekProgress(week.id(), week.number(), status, done, required.size(),
				this.progress.finishedAt(week).map(this::inZone).orElse(null), blocker);
	}

	public CurriculumTree curriculum() {
		return this.progress.curriculum();
	}

	public LocalDate startDate() {
		return this.startDate;
	}

	public boolean isDone(long itemId) {
		return this.progress.isDone(itemId);
	}

	/**
	 * @return when the item was checked off in the learner's zone, or null
	 */
	public ZonedDateTime doneAt(long itemId) {
		return this.progress.doneAt(itemId).map(this::inZone).orElse(null);
	}

	public WeekProgress week(long weekId) {
		return this.weeks.get(weekId);
	}

	/** The week the learner is on, or null when every week is finished. */
	public WeekView currentWeek() {
		return this.progress.currentWeek().orElse(null);
	}

	public int finishedWeeks() {
		return (int) this.weeks.values().stream().filter(WeekProgress::isFinished).count();
	}

	public int percent() {
		return percentOf(curriculum().weeks().stream());
	}

	public int phasePercent(PhaseView phase) {
		return percentOf(phase.weeks().stream());
	}

	private int percentOf(Stream<WeekView> weeks) {
		List<WeekProgress> states = weeks.map((week) -> this.weeks.get(week.id())).toList();
		// A finished week counts whole, even with items added since.
		int done = states.stream().mapToInt((week) -> week.isFinished() ? week.required() : week.done()).sum();
		int required = states.stream().mapToInt(WeekProgress::required).sum();
		return Percent.of(done, required, states.stream().allMatch(WeekProgress::isFinished));
	}

	public long skillsLearned(WeekView week) {
		return week.skills().stream().filter((skill) -> isDone(skill.id())).count();
	}

	public Pace pace() {
		WeekView current = currentWeek();
		return Pace.of(this.plan, this.today, (current != null) ? current.number() : 0);
	}

	public Plan plan() {
		return this.plan;
	}

	/** The planned days of a week of this curriculum. */
	public Plan.PlannedWeek plannedWeek(WeekView week) {
		return this.plan.week(week.number());
	}

	/** Today in the learner's zone. */
	public LocalDate today() {
		return this.today;
	}

	/** The next items to do in the current week, tasks first. */
	public List<NextItem> nextItems(int limit) {
		WeekView current = currentWeek();
		if (current == null) {
			return List.of();
		}
		Stream<NextItem> tasks = current.tasks()
			.stream()
			.filter((task) -> !isDone(task.id()))
			.map((task) -> new NextItem(current, task.id(), task.text()));
		Stream<NextItem> skills = current.skills()
			.stream()
			.filter((skill) -> !isDone(skill.id()))
			.map((skill) -> new NextItem(current, skill.id(), skill.name()));
		return Stream.concat(tasks, skills).limit(limit).toList();
	}

	/**
	 * Whether the item was added to its week after the learner had finished the week.
	 * Items stored with the week itself were always there, even for history recorded from
	 * before the curriculum was stored here.
	 */
	public boolean isNewSinceFinished(long itemId, Instant createdAt, long weekId) {
		ZonedDateTime finishedAt = this.weeks.get(weekId).finishedAt();
		return finishedAt != null && createdAt.isAfter(finishedAt.toInstant())
				&& this.weekViews.get(weekId).addedLater(createdAt) && !isDone(itemId);
	}

	/** Items added to weeks the learner had already finished, not yet done. */
	public List<NextItem> newSinceFinished() {
		return curriculum().weeks().stream().flatMap((week) -> {
			Stream<NextItem> tasks = week.tasks()
				.stream()
				.filter((task) -> isNewSinceFinished(task.id(), task.createdAt(), week.id()))
				.map((task) -> new NextItem(week, task.id(), task.text()));
			Stream<NextItem> skills = week.skills()
				.stream()
				.filter((skill) -> isNewSinceFinished(skill.id(), skill.createdAt(), week.id()))
				.map((skill) -> new NextItem(week, skill.id(), skill.name()));
			return Stream.concat(tasks, skills);
		}).toList();
	}

	private ZonedDateTime inZone(Instant instant) {
		return instant.atZone(this.zone);
	}

	/** An item to point the learner at, with the week it is in. */
	public record NextItem(WeekView week, long itemId, String text) {
	}

}
