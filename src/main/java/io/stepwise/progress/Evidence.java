package io.stepwise.progress;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * A link and a note a learner attaches to a project task, and the review a mentor gives
 * it. The learner may revise it until it is accepted; revising it after changes were
 * asked for sends it back to the review queue.
 */
@Entity
class Evidence {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long enrollmentId;

	private long learnerId;

	private long curriculumId;

	private long itemId;

	private String url;

	private String note;

	@Enumerated(EnumType.STRING)
	private EvidenceView.Status status;

	private Instant submittedAt;

	private String feedback;

	private Long reviewerId;

	private Instant reviewedAt;

	@Version
	private long version;

	protected Evidence() {
	}

	Evidence(Enrollment enrollment, long itemId, String url, String note, Instant now) {
		this.enrollmentId = enrollment.getId();
		this.learnerId = enrollment.getLearnerId();
		this.curriculumId = enrollment.getCurriculumId();
		this.itemId = itemId;
		this.url = url;
		this.note = note;
		this.status = EvidenceView.Status.SUBMITTED;
		this.submittedAt = now;
	}

	/** The learner's new link and note, waiting for a review again. */
	void revise(String url, String note, Instant now) {
		if (this.status == EvidenceView.Status.ACCEPTED) {
			throw new EvidenceClosedException();
		}
		this.url = url;
		this.note = note;
		this.status = EvidenceView.Status.SUBMITTED;
		this.submittedAt = now;
	}

	/** A mentor's verdict; only evidence that waits can be reviewed. */
	void review(long reviewerId, boolean accepted, String feedback, Instant now) {
		if (this.status != EvidenceView.Status.SUBMITTED) {
			throw new EvidenceClosedException();
		}
		this.status = accepted ? EvidenceView.Status.ACCEPTED : EvidenceView.Status.CHANGES_REQUESTED;
		this.feedback = feedback;
		this.reviewerId = reviewerId;
		this.reviewedAt = now;
	}

	long getVersion() {
		return this.version;
	}

	EvidenceView toView() {
		return new EvidenceView(this.id, this.learnerId, this.curriculumId, this.itemId, this.url, this.note,
				this.status, this.submittedAt, this.feedback, this.reviewerId, this.reviewedAt, this.version);
	}

}
