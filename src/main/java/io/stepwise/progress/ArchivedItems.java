package io.stepwise.progress;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.stepwise.curriculum.CurriculumCatalog;
import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.curriculum.CurriculumTree.WeekView;
import io.stepwise.curriculum.ItemArchived;
import io.stepwise.progress.ProgressEvent.Type;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the weeks that an admin's removal of an item finishes: a learner who had done
 * everything else the week needs has it finished from then on. Recorded, not only
 * derived, so that the week stays finished for them when items are added to it later.
 */
@Component
class ArchivedItems {

	private final CurriculumCatalog catalog;

	private final EnrollmentRepository enrollments;

	private final CheckOffRepository checkOffs;

	private final WeekCompletionRepository completions;

	private final ProgressEventRepository events;

	private final Clock clock;

	ArchivedItems(CurriculumCatalog catalog, EnrollmentRepository enrollments, CheckOffRepository checkOffs,
			WeekCompletionRepository completions, ProgressEventRepository events, Clock clock) {
		this.catalog = catalog;
		this.enrollments = enrollments;
		this.checkOffs = checkOffs;
		this.completions = completions;
		this.events = events;
		this.clock = clock;
	}

	/** Runs in the edit's transaction: the week's finishes are stored with the edit. */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(ItemArchived archived) {
		Optional<WeekView> week = this.catalog.trees(List.of(archived.curriculumId()))
			.stream()
			.map(CurriculumTree::weeks)
			.flatMap(List::stream)
			.filter((candidate) -> candidate.id() == archived.weekId())
			.findFirst();
		List<Long> required = week.map(LearnerProgress::requiredItems).orElse(List.of());
		// A week that needs nothing any more counts as finished for everyone; there is
		// no one moment to record.
		if (required.isEmpty()) {
			return;
		}
		List<Long> candidates = this.checkOffs.findEnrollmentsWithAll(required, required.size());
		if (candidates.isEmpty()) {
			return;
		}
		// Asked again under the learners' locks: one of them may have unchecked an item,
		// or finished the week, in the meantime.
		List<Enrollment> locked = this.enrollments.lockByIds(candidates);
		Set<Long> done = new HashSet<>(this.checkOffs.findEnrollmentsWithAll(required, required.size()));
		Set<Long> finished = new HashSet<>(this.completions.findEnrollmentIdsWithWeek(archived.weekId(), candidates));
		Instant now = this.clock.instant();
		for (Enrollment enrollment : locked) {
			if (done.contains(enrollment.getId()) && !finished.contains(enrollment.getId())) {
				this.completions.save(new WeekCompletion(enrollment.getId(), archived.weekId(), now));
				this.events.save(ProgressEvent.ofWeek(enrollment, Type.WEEK_FINISHED, archived.weekId(), now));
			}
		}
	}

}
