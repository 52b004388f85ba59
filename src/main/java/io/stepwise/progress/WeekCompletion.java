package io.stepwise.progress;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The moment a learner finished a week. Stored rather than derived, so that a week stays
 * finished when the curriculum later gains items.
 */
@Entity
@Table(name = "week_completion")
class WeekCompletion {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long enrollmentId;

	private long weekId;

	private Instant finishedAt;

	protected WeekCompletion() {
	}

	WeekCompletion(long enrollmentId, long weekId, Instant finishedAt) {
		this.enrollmentId = enrollmentId;
		this.weekId = weekId;
		this.finishedAt = finishedAt;
	}

	long getEnrollmentId() {
		return this.enrollmentId;
	}

	long getWeekId() {
		return this.weekId;
	}

	Instant getFinishedAt() {
		return this.finishedAt;
	}

}
