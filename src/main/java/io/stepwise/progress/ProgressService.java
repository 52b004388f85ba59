package io.stepwise.progress;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stepwise.curriculum.CurriculumCatalog;
import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.progress.LearnerProgress.Outcome;
import io.stepwise.progress.ProgressEvent.Type;
import io.stepwise.system.NotFoundException;
import io.stepwise.system.StartDate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Enrollment and check-offs. Every write locks the learner's enrollment first and applies
 * the gate inside the same transaction, so two tabs or a double click cannot slip a
 * check-off past an unfinished week; the learner id always comes from the session.
 */
@Service
class ProgressService {

	private final CurriculumCatalog catalog;

	private final EnrollmentRepository enrollments;

	private final CheckOffRepository checkOffs;

	private final WeekCompletionRepository completions;

	private final ProgressEventRepository events;

	private final ProgressLoader loader;

	private final EvidenceRepository evidence;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final ProgressMetrics metrics;

	private final CohortStarts cohortStarts;

	ProgressService(CurriculumCatalog catalog, EnrollmentRepository enrollments, CheckOffRepository checkOffs,
			WeekCompletionRepository completions, ProgressEventRepository events, ProgressLoader loader,
			EvidenceRepository evidence, PlatformTransactionManager transactionManager, Clock clock,
			ProgressMetrics metrics, ObjectProvider<CohortStarts> cohortStarts) {
		this.catalog = catalog;
		this.enrollments = enrollments;
		this.checkOffs = checkOffs;
		this.completions = completions;
		this.events = events;
		this.loader = loader;
		this.evidence = evidence;
		this.transaction = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.metrics = metrics;
		this.cohortStarts = cohortStarts.getIfAvailable(() -> (learnerId) -> Map.of());
	}

	/**
	 * Enrolls the learner; enrolling again, or twice at once, leaves the first enrollment
	 * as it is.
	 */
	EnrollmentResult enroll(long learnerId, String slug, LocalDate startDate) {
		return enroll(learnerId, curriculumId(slug), startDate);
	}

	EnrollmentResult enroll(long learnerId, long curriculumId, LocalDate startDate) {
		return enroll(learnerId, curriculumId, startDate, this.clock.instant());
	}

	EnrollmentResult enroll(long learnerId, long curriculumId, LocalDate startDate, Instant now) {
		try {
			return this.transaction
				.execute((status) -> this.enrollments.findByLearnerIdAndCurriculumId(learnerId, curriculumId)
					.map((existing) -> new EnrollmentResult(existing.getStartDate(), false))
					.orElseGet(() -> {
						Enrollment enrollment = this.enrollments
							.save(new Enrollment(learnerId, curriculumId, startDate, now));
						this.events.save(ProgressEvent.ofEnrollment(enrollment, Type.ENROLLED, now));
						return new EnrollmentResult(startDate, true);
					}));
		}
		catch (DataIntegrityViolationException ex) {
			// The same learner enrolled in a parallel request; theirs stands.
			return this.transaction
				.execute((status) -> this.enrollments.findByLearnerIdAndCurriculumId(learnerId, curriculumId)
					.map((existing) -> new EnrollmentResult(existing.getStartDate(), false))
					.orElseThrow(() -> ex));
		}
	}

	/** Marks an item done or not done, refusing items of a locked week. */
	@Transactional
	ItemChange setDone(long learnerId, String slug, long itemId, boolean done) {
		ItemChange change = setDone(learnerId, curriculumId(slug), slug, itemId, done, this.clock.instant());
		if (done && change.outcome().changed()) {
			this.metrics.checkedOff();
		}
		return change;
	}

	/**
	 * As {@link #setDone(long, String, long, boolean)}, at a given moment: for history
	 * that happened elsewhere, such as the demo data.
	 */
	@Transactional
	ItemChange setDone(long learnerId, long curriculumId, String slug, long itemId, boolean done, Instant now) {
		Enrollment enrollment = this.enrollments.lockByLearnerIdAndCurriculumId(learnerId, curriculumId)
			.orElseThrow(() -> new NotEnrolledException(slug));
		LearnerProgress progress = load(List.of(enrollment), this.catalog.trees(List.of(curriculumId))).get(0);
		Outcome outcome = done ? progress.check(itemId, now) : progress.uncheck(itemId);
		if (outcome.changed()) {
			record(enrollment, outcome, done, now);
		}
		return new ItemChange(outcome, progress, enrollment.getStartDate());
	}

	/**
	 * Clears the learner's check-offs on a curriculum and starts again; the history
	 * stays.
	 */
	@Transactional
	void reset(long learnerId, String slug, LocalDate startDate) {
		Enrollment enrollment = this.enrollments.lockByLearnerIdAndCurriculumId(learnerId, curriculumId(slug))
			.orElseThrow(() -> new NotFoundException("Not enrolled in '" + slug + "'"));
		this.checkOffs.deleteByEnrollmentId(enrollment.getId());
		this.completions.deleteByEnrollmentId(enrollment.getId());
		enrollment.restartOn(startDate);
		this.events.save(ProgressEvent.ofEnrollment(enrollment, Type.RESET, this.clock.instant()));
	}

	/** The learner's progress on a curriculum, empty when not enrolled. */
	@Transactional(readOnly = true)
	Optional<CurriculumProgress> progress(long learnerId, CurriculumTree curriculum, ZoneId zone) {
		return this.enrollments.findByLearnerIdAndCurriculumId(learnerId, curriculum.id())
			.map((enrollment) -> view(enrollment, load(List.of(enrollment), List.of(curriculum)).get(0), zone,
					this.cohortStarts.byCurriculum(learnerId)));
	}

	/**
	 * The learner's progress on a curriculum they are enrolled in; not found otherwise.
	 */
	@Transactional(readOnly = true)
	CurriculumProgress enrolledProgress(long learnerId, String slug, ZoneId zone) {
		return this.catalog.tree(slug)
			.flatMap((curriculum) -> progress(learnerId, curriculum, zone))
			.orElseThrow(() -> new NotFoundException("Not enrolled in '" + slug + "'"));
	}

	@Transactional(readOnly = true)
	Dashboard dashboard(long learnerId, ZoneId zone) {
		List<Enrollment> enrolled = this.enrollments.findByLearnerIdOrderByEnrolledAt(learnerId);
		List<CurriculumTree> trees = this.catalog.trees(enrolled.stream().map(Enrollment::getCurriculumId).toList());
		List<LearnerProgress> progress = load(enrolled, trees);
		Map<Long, LocalDate> cohortStarts = enrolled.isEmpty() ? Map.of() : this.cohortStarts.byCurriculum(learnerId);
		List<CurriculumProgress> curricula = new ArrayList<>();
		for (int i = 0; i < enrolled.size(); i++) {
			curricula.add(view(enrolled.get(i), progress.get(i), zone, cohortStarts));
		}
		LocalDate today = today(zone);
		Activity activity = Activity.of(this.events.findCheckOffTimes(learnerId, Activity.since(today, zone)), today,
				zone);
		return new Dashboard(curricula, activity, feedback(learnerId, trees));
	}

	private List<Dashboard.Feedback> feedback(long learnerId, List<CurriculumTree> trees) {
		List<Dashboard.Feedback> feedback = new ArrayList<>();
		for (EvidenceView reviewed : this.evidence.findRecentlyReviewed(learnerId)
			.stream()
			.map(Evidence::toView)
			.toList()) {
			trees.stream()
				.filter((tree) -> tree.id() == reviewed.curriculumId())
				.findFirst()
				.ifPresent((tree) -> tree.weekOf(reviewed.itemId())
					.ifPresent((week) -> week.task(reviewed.itemId())
						.ifPresent((task) -> feedback.add(new Dashboard.Feedback(tree, week, task, reviewed)))));
		}
		return List.copyOf(feedback);
	}

	LocalDate today(ZoneId zone) {
		return LocalDate.now(this.clock.withZone(zone));
	}

	/**
	 * The start date a learner chose, or today in their zone when they chose none.
	 * @throws StartDateRefusedException for a date no one could mean
	 */
	LocalDate startDate(LocalDate chosen, ZoneId zone) {
		if (!StartDate.Validator.inRange(chosen, this.clock)) {
			throw new StartDateRefusedException();
		}
		return (chosen != null) ? chosen : today(zone);
	}

	/**
	 * The plans of the learner's enrollments, in the order of their enrollments: the
	 * enrollments, the cohort starts and the curricula, however many; one without any.
	 */
	@Transactional(readOnly = true)
	List<LearnerPlan> plans(long learnerId) {
		List<Enrollment> enrolled = this.enrollments.findByLearnerIdOrderByEnrolledAt(learnerId);
		if (enrolled.isEmpty()) {
			return List.of();
		}
		Map<Long, LocalDate> cohortStarts = this.cohortStarts.byCurriculum(learnerId);
		Map<Long, CurriculumTree> trees = new HashMap<>();
		this.catalog.trees(enrolled.stream().map(Enrollment::getCurriculumId).toList())
			.forEach((tree) -> trees.put(tree.id(), tree));
		List<LearnerPlan> plans = new ArrayList<>();
		for (Enrollment enrollment : enrolled) {
			CurriculumTree tree = trees.get(enrollment.getCurriculumId());
			if (tree != null) {
				LocalDate start = Plan.startFor(enrollment.getStartDate(), cohortStarts.get(tree.id()));
				plans.add(new LearnerPlan(tree, Plan.of(start, tree.plannedWeeks(), tree.weekCount())));
			}
		}
		return List.copyOf(plans);
	}

	private CurriculumProgress view(Enrollment enrollment, LearnerProgress progress, ZoneId zone,
			Map<Long, LocalDate> cohortStarts) {
		LocalDate start = enrollment.getStartDate();
		return new CurriculumProgress(progress, start,
				Plan.startFor(start, cohortStarts.get(enrollment.getCurriculumId())), today(zone), zone);
	}

	private List<LearnerProgress> load(List<Enrollment> enrolled, Collection<CurriculumTree> trees) {
		return this.loader.load(enrolled, trees);
	}

	private void record(Enrollment enrollment, Outcome outcome, boolean done, Instant now) {
		long weekId = outcome.week().id();
		if (done) {
			this.checkOffs.save(new CheckOff(enrollment.getId(), outcome.itemId(), now));
			this.events.save(ProgressEvent.ofItem(enrollment, Type.CHECKED, outcome.itemId(), now));
		}
		else {
			this.checkOffs.deleteByEnrollmentIdAndItemId(enrollment.getId(), outcome.itemId());
			this.events.save(ProgressEvent.ofItem(enrollment, Type.UNCHECKED, outcome.itemId(), now));
		}
		switch (outcome.weekChange()) {
			case FINISHED -> {
				this.completions.save(new WeekCompletion(enrollment.getId(), weekId, now));
				this.events.save(ProgressEvent.ofWeek(enrollment, Type.WEEK_FINISHED, weekId, now));
			}
			case REOPENED -> {
				this.completions.deleteByEnrollmentIdAndWeekId(enrollment.getId(), weekId);
				this.events.save(ProgressEvent.ofWeek(enrollment, Type.WEEK_REOPENED, weekId, now));
			}
			case NONE -> {
			}
		}
	}

	private long curriculumId(String slug) {
		return this.catalog.idOf(slug).orElseThrow(() -> new NotFoundException("No curriculum '" + slug + "'"));
	}

	/** One curriculum a learner follows with its plan. */
	record LearnerPlan(CurriculumTree curriculum, Plan plan) {
	}

	record EnrollmentResult(LocalDate startDate, boolean created) {
	}

	/** The result of a check or uncheck, with the learner's progress after it. */
	record ItemChange(Outcome outcome, LearnerProgress progress, LocalDate startDate) {

		CurriculumProgress view(LocalDate today, ZoneId zone) {
			// Check-offs answer with the state of the items, not the plan.
			return new CurriculumProgress(this.progress, this.startDate, this.startDate, today, zone);
		}

	}

}
