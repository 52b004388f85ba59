package io.stepwise.progress;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.curriculum.CurriculumTree.SkillView;
import io.stepwise.curriculum.CurriculumTree.TaskView;
import io.stepwise.curriculum.CurriculumTree.WeekView;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress of many learners at once, for mentors. Cells, percentages and current weeks
 * come from {@link CurriculumProgress}, the model of the learner's own pages, so a mentor
 * sees what the learner sees. Callers pass only learners they may see.
 */
@Service
@Transactional(readOnly = true)
public class ProgressReports {

	/**
	 * Learners read per round of statements: bounds the size of each {@code in} list and
	 * the rows held at once.
	 */
	public static final int BATCH = 1_000;

	private final EnrollmentRepository enrollments;

	private final ProgressEventRepository events;

	private final EvidenceRepository evidence;

	private final ProgressLoader loader;

	private final Clock clock;

	ProgressReports(EnrollmentRepository enrollments, ProgressEventRepository events, EvidenceRepository evidence,
			ProgressLoader loader, Clock clock) {
		this.enrollments = enrollments;
		this.events = events;
		this.evidence = evidence;
		this.loader = loader;
		this.clock = clock;
	}

	/**
	 * Where each learner stands, in the order given: five statements for every
	 * {@value #BATCH} learners.
	 * @param paceStart the start of the cohort the learners are seen in, which their
	 * plans count from
	 */
	public List<LearnerStanding> standings(CurriculumTree curriculum, List<Long> learnerIds, LocalDate paceStart,
			ZoneId zone) {
		List<LearnerStanding> standings = new ArrayList<>(learnerIds.size());
		for (int from = 0; from < learnerIds.size(); from += BATCH) {
			standings.addAll(batch(curriculum, learnerIds.subList(from, Math.min(from + BATCH, learnerIds.size())),
					paceStart, zone));
		}
		return standings;
	}

	private List<LearnerStanding> batch(CurriculumTree curriculum, List<Long> learnerIds, LocalDate paceStart,
			ZoneId zone) {
		if (learnerIds.isEmpty()) {
			return List.of();
		}
		List<Enrollment> enrolled = this.enrollments.findByCurriculumIdAndLearnerIds(curriculum.id(), learnerIds);
		List<LearnerProgress> progress = this.loader.load(enrolled, List.of(curriculum));
		Map<Long, Instant> lastActivity = new HashMap<>();
		if (!enrolled.isEmpty()) {
			for (Object[] row : this.events.findLastActivity(enrolled.stream().map(Enrollment::getId).toList())) {
				lastActivity.put(((Number) row[0]).longValue(), (Instant) row[1]);
			}
		}
		Map<Long, Integer> waiting = new HashMap<>();
		for (Object[] row : this.evidence.countWaiting(curriculum.id(), learnerIds)) {
			waiting.put(((Number) row[0]).longValue(), ((Number) row[1]).intValue());
		}
		Map<Long, LearnerStanding> byLearner = new HashMap<>();
		LocalDate today = LocalDate.now(this.clock.withZone(zone));
		for (int i = 0; i < enrolled.size(); i++) {
			Enrollment enrollment = enrolled.get(i);
			CurriculumProgress view = new CurriculumProgress(progress.get(i), enrollment.getStartDate(),
					Plan.startFor(enrollment.getStartDate(), paceStart), today, zone);
			byLearner.put(enrollment.getLearnerId(), standing(enrollment, view, lastActivity.get(enrollment.getId()),
					waiting.getOrDefault(enrollment.getLearnerId(), 0)));
		}
		return learnerIds.stream()
			.map((id) -> byLearner.computeIfAbsent(id, (missing) -> notEnrolled(missing, curriculum)))
			.toList();
	}

	private static LearnerStanding standing(Enrollment enrollment, CurriculumProgress progress, Instant lastActivity,
			int waiting) {
		List<WeekCell> cells = progress.curriculum().weeks().stream().map((week) -> {
			WeekProgress state = progress.week(week.id());
			return WeekCell.of(state, newItems(progress, week));
		}).toList();
		WeekView current = progress.currentWeek();
		return new LearnerStanding(enrollment.getLearnerId(), true, enrollment.getStartDate(), progress.percent(),
				(current != null) ? current.number() : 0, progress.pace(), lastActivity, waiting, cells);
	}

	private static int newItems(CurriculumProgress progress, WeekView week) {
		long skills = week.skills()
			.stream()
			.filter((SkillView skill) -> progress.isNewSinceFinished(skill.id(), skill.createdAt(), week.id()))
			.count();
		long tasks = week.tasks()
			.stream()
			.filter((TaskView task) -> progress.isNewSinceFinished(task.id(), task.createdAt(), week.id()))
			.count();
		return (int) (skills + tasks);
	}

	private static LearnerStanding notEnrolled(long learnerId, CurriculumTree curriculum) {
		List<WeekCell> cells = curriculum.weeks()
			.stream()
			.map((week) -> new WeekCell(week.number(), WeekCell.State.NOT_STARTED, 0,
					LearnerProgress.requiredItems(week).size(), null, 0, null))
			.toList();
		return new LearnerStanding(learnerId, false, null, 0, 1, new Pace(Pace.Status.NOT_STARTED, 0, 1), null, 0,
				cells);
	}

	/**
	 * One learner's checklist, timeline and evidence; empty when they are not enrolled.
	 */
	public Optional<LearnerReport> learner(CurriculumTree curriculum, long learnerId, LocalDate paceStart,
			ZoneId zone) {
		return this.enrollments.findByLearnerIdAndCurriculumId(learnerId, curriculum.id()).map((enrollment) -> {
			LearnerProgress progress = this.loader.load(List.of(enrollment), List.of(curriculum)).get(0);
			CurriculumProgress view = new CurriculumProgress(progress, enrollment.getStartDate(),
					Plan.startFor(enrollment.getStartDate(), paceStart), LocalDate.now(this.clock.withZone(zone)),
					zone);
			List<TimelineEntry> timeline = this.events.findLatestByEnrollmentId(enrollment.getId())
				.stream()
				.map((event) -> timelineEntry(event, progress, curriculum, zone))
				.toList();
			List<EvidenceView> evidence = this.evidence.findByEnrollmentId(enrollment.getId())
				.stream()
				.map(Evidence::toView)
				.toList();
			return new LearnerReport(view, timeline, evidence);
		});
	}

	private static TimelineEntry timelineEntry(ProgressEvent event, LearnerProgress progress, CurriculumTree curriculum,
			ZoneId zone) {
		int week = 0;
		String text = null;
		if (event.getItemId() != null) {
			Optional<WeekView> of = progress.weekOf(event.getItemId());
			week = of.map(WeekView::number).orElse(0);
			text = of.map((w) -> itemText(w, event.getItemId())).orElse(null);
		}
		else if (event.getWeekId() != null) {
			week = curriculum.weeks()
				.stream()
				.filter((w) -> w.id() == event.getWeekId())
				.mapToInt(WeekView::number)
				.findFirst()
				.orElse(0);
		}
		return new TimelineEntry(event.getOccurredAt().atZone(zone), TimelineEntry.Kind.valueOf(event.getType().name()),
				week, text);
	}

	private static String itemText(WeekView week, long itemId) {
		return week.skills()
			.stream()
			.filter((skill) -> skill.id() == itemId)
			.map(SkillView::name)
			.findFirst()
			.orElseGet(() -> week.tasks()
				.stream()
				.filter((task) -> task.id() == itemId)
				.map(TaskView::text)
				.findFirst()
				.orElse(null));
	}

}
