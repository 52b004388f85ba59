package io.stepwise.progress;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.stepwise.curriculum.CurriculumCatalog;
import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.curriculum.CurriculumTree.TaskView;
import io.stepwise.curriculum.CurriculumTree.WeekView;
import io.stepwise.system.NotFoundException;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The learner's side of evidence. Evidence is for project tasks of weeks the learner can
 * work on; it is written under the same enrollment lock as check-offs, so a double submit
 * makes one record.
 */
@Service
class EvidenceService {

	private final CurriculumCatalog catalog;

	private final EnrollmentRepository enrollments;

	private final EvidenceRepository evidence;

	private final ProgressLoader loader;

	private final Clock clock;

	EvidenceService(CurriculumCatalog catalog, EnrollmentRepository enrollments, EvidenceRepository evidence,
			ProgressLoader loader, Clock clock) {
		this.catalog = catalog;
		this.enrollments = enrollments;
		this.evidence = evidence;
		this.loader = loader;
		this.clock = clock;
	}

	/** The task and what the learner sent for it so far; not found unless enrolled. */
	@Transactional(readOnly = true)
	EvidencePage page(long learnerId, String slug, long itemId) {
		CurriculumTree curriculum = this.catalog.tree(slug)
			.orElseThrow(() -> new NotFoundException("No curriculum '" + slug + "'"));
		Enrollment enrollment = this.enrollments.findByLearnerIdAndCurriculumId(learnerId, curriculum.id())
			.orElseThrow(() -> new NotFoundException("Not enrolled in '" + slug + "'"));
		LearnerProgress progress = this.loader.load(List.of(enrollment), List.of(curriculum)).get(0);
		WeekView week = progress.weekOf(itemId).orElseThrow(() -> new ItemNotFoundException(itemId));
		TaskView task = task(week, itemId);
		Optional<EvidenceView> current = this.evidence.findByEnrollmentIdAndItemId(enrollment.getId(), itemId)
			.map(Evidence::toView);
		return new EvidencePage(curriculum, week, task, current.orElse(null),
				progress.blockerOf(week).map(WeekView::number).orElse(0));
	}

	/**
	 * Stores new evidence or revises the learner's, sending it to the review queue.
	 * @throws WeekLockedException when the task's week is locked
	 * @throws EvidenceClosedException when the evidence was accepted already
	 */
	@Transactional
	Submitted submit(SubmitEvidence submission) {
		return submit(submission, this.clock.instant());
	}

	/**
	 * As {@link #submit(SubmitEvidence)}, at a given moment: for history such as the demo
	 * data.
	 */
	@Transactional
	Submitted submit(SubmitEvidence submission, Instant now) {
		CurriculumTree curriculum = this.catalog.tree(submission.slug())
			.orElseThrow(() -> new NotFoundException("No curriculum '" + submission.slug() + "'"));
		Enrollment enrollment = this.enrollments.lockByLearnerIdAndCurriculumId(submission.learnerId(), curriculum.id())
			.orElseThrow(() -> new NotEnrolledException(submission.slug()));
		LearnerProgress progress = this.loader.load(List.of(enrollment), List.of(curriculum)).get(0);
		WeekView week = progress.weekOf(submission.itemId())
			.orElseThrow(() -> new ItemNotFoundException(submission.itemId()));
		task(week, submission.itemId());
		progress.blockerOf(week).ifPresent((blocker) -> {
			throw new WeekLockedException(week.number(), blocker.number());
		});
		Evidence stored = this.evidence.findByEnrollmentIdAndItemId(enrollment.getId(), submission.itemId())
			.map((existing) -> {
				existing.revise(submission.url(), submission.note(), now);
				return existing;
			})
			.orElseGet(() -> new Evidence(enrollment, submission.itemId(), submission.url(), submission.note(), now));
		try {
			return new Submitted(this.evidence.saveAndFlush(stored).toView(), week.number());
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			// A mentor reviewed it between our read and our write.
			throw new EvidenceChangedException();
		}
	}

	/** The learner's evidence on a curriculum, by task id, for the week page. */
	@Transactional(readOnly = true)
	Map<Long, EvidenceView> byTask(long learnerId, long curriculumId) {
		return this.evidence.findByLearnerIdAndCurriculumId(learnerId, curriculumId)
			.stream()
			.map(Evidence::toView)
			.collect(Collectors.toMap(EvidenceView::itemId, Function.identity()));
	}

	private static TaskView task(WeekView week, long itemId) {
		return week.tasks()
			.stream()
			.filter((task) -> task.id() == itemId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Evidence is for project tasks only."));
	}

	/** Stored evidence, with the number of its task's week for the way back. */
	record Submitted(EvidenceView evidence, int week) {
	}

	/**
	 * @param lockedBy the unfinished week that keeps the task's week locked, or 0
	 */
	record EvidencePage(CurriculumTree curriculum, WeekView week, TaskView task, EvidenceView evidence, int lockedBy) {
	}

}
