package io.stepwise.progress;

import java.time.Instant;
import java.time.LocalDate;

import io.stepwise.curriculum.WebLinks;

import org.springframework.stereotype.Service;

/**
 * Enrollment and check-offs for other modules: a cohort enrolls the learners it takes in,
 * and the demo data replays a history. Both go through the same gate as the learner's own
 * writes.
 */
@Service
public class Enrollments {

	private final ProgressService progress;

	private final EvidenceService evidence;

	Enrollments(ProgressService progress, EvidenceService evidence) {
		this.progress = progress;
		this.evidence = evidence;
	}

	/**
	 * Enrolls the learner with the given start date unless already enrolled, whose own
	 * start date then stands.
	 * @return whether a new enrollment was made
	 */
	public boolean enrollIfAbsent(long learnerId, long curriculumId, LocalDate startDate) {
		return this.progress.enroll(learnerId, curriculumId, startDate).created();
	}

	/** As {@link #enrollIfAbsent}, recorded at a moment in the past. */
	public boolean enrollIfAbsent(long learnerId, long curriculumId, LocalDate startDate, Instant at) {
		return this.progress.enroll(learnerId, curriculumId, startDate, at).created();
	}

	/**
	 * Checks an item off as done at the given moment, under the gate.
	 * @throws io.stepwise.system.ConflictException when the item's week is locked or the
	 * learner is not enrolled
	 */
	public void checkOffAt(long learnerId, long curriculumId, long itemId, Instant at) {
		this.progress.setDone(learnerId, curriculumId, String.valueOf(curriculumId), itemId, true, at);
	}

	/**
	 * Attaches evidence to a project task at the given moment, as the learner would.
	 * @param url an http or https link
	 */
	public void submitEvidenceAt(long learnerId, String slug, long itemId, String url, String note, Instant at) {
		this.evidence.submit(new SubmitEvidence(learnerId, slug, itemId, WebLinks.requireHttp(url), note), at);
	}

}
