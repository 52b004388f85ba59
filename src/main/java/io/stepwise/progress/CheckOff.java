package io.stepwise.progress;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An item a learner has done, as it stands now; history is in {@link ProgressEvent}. */
@Entity
@Table(name = "check_off")
class CheckOff {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long enrollmentId;

	private long itemId;

	private Instant doneAt;

	protected CheckOff() {
	}

	CheckOff(long enrollmentId, long itemId, Instant doneAt) {
		this.enrollmentId = enrollmentId;
		this.itemId = itemId;
		this.doneAt = doneAt;
	}

	long getEnrollmentId() {
		return this.enrollmentId;
	}

	long getItemId() {
		return this.itemId;
	}

	Instant getDoneAt() {
		return this.doneAt;
	}

}
