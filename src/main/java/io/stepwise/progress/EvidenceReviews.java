package io.stepwise.progress;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import io.stepwise.system.NotFoundException;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mentors' side of evidence: what waits for a review, and the review itself. Callers
 * pass only learners and curricula the mentor may see; every lookup is scoped by them.
 */
@Service
public class EvidenceReviews {

	private final EvidenceRepository evidence;

	private final Clock clock;

	EvidenceReviews(EvidenceRepository evidence, Clock clock) {
		this.evidence = evidence;
		this.clock = clock;
	}

	/**
	 * Evidence waiting for a review, oldest first, of these learners on these curricula.
	 */
	@Transactional(readOnly = true)
	public List<EvidenceView> waiting(Collection<Long> curriculumIds, Collection<Long> learnerIds) {
		if (curriculumIds.isEmpty() || learnerIds.isEmpty()) {
			return List.of();
		}
		return this.evidence.findWaiting(curriculumIds, learnerIds).stream().map(Evidence::toView).toList();
	}

	/**
	 * Records the review.
	 * @throws NotFoundException when the evidence is not the given learner's on the given
	 * curriculum
	 * @throws io.stepwise.system.ConflictException when it was revised or reviewed since
	 */
	@Transactional
	public EvidenceView review(ReviewEvidence review) {
		Evidence found = this.evidence
			.findByIdAndLearnerIdAndCurriculumId(review.evidenceId(), review.learnerId(), review.curriculumId())
			.orElseThrow(() -> new NotFoundException("No such evidence."));
		if (found.getVersion() != review.version()) {
			throw new EvidenceChangedException();
		}
		found.review(review.reviewerId(), review.accepted(), review.feedback(), this.clock.instant());
		try {
			return this.evidence.saveAndFlush(found).toView();
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			// Another review or a revision was saved between our read and our write.
			throw new EvidenceChangedException();
		}
	}

}
