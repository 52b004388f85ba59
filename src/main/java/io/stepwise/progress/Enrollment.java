package io.stepwise.progress;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * A learner following one curriculum. Its row is also the lock that puts one learner's
 * writes on one curriculum in a single line.
 */
@Entity
class Enrollment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long learnerId;

	private long curriculumId;

	private LocalDate startDate;

	private Instant enrolledAt;

	@Version
	private long version;

	protected Enrollment() {
	}

	Enrollment(long learnerId, long curriculumId, LocalDate startDate, Instant now) {
		this.learnerId = learnerId;
		this.curriculumId = curriculumId;
		this.startDate = startDate;
		this.enrolledAt = now;
	}

	void restartOn(LocalDate startDate) {
		this.startDate = startDate;
	}

	Long getId() {
		return this.id;
	}

	long getLearnerId() {
		return this.learnerId;
	}

	long getCurriculumId() {
		return this.curriculumId;
	}

	LocalDate getStartDate() {
		return this.startDate;
	}

}
