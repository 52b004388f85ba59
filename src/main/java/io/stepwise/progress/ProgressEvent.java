package io.stepwise.progress;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One thing that happened to a learner's progress; only ever appended. */
@Entity
@Table(name = "progress_event")
class ProgressEvent {

	enum Type {

		ENROLLED, CHECKED, UNCHECKED, WEEK_FINISHED, WEEK_REOPENED, RESET

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long enrollmentId;

	private long learnerId;

	@Enumerated(EnumType.STRING)
	private Type type;

	private Long itemId;

	private Long weekId;

	private Instant occurredAt;

	protected ProgressEvent() {
	}

	private ProgressEvent(Enrollment enrollment, Type type, Long itemId, Long weekId, Instant occurredAt) {
		this.enrollmentId = enrollment.getId();
		this.learnerId = enrollment.getLearnerId();
		this.type = type;
		this.itemId = itemId;
		this.weekId = weekId;
		this.occurredAt = occurredAt;
	}

	static ProgressEvent ofEnrollment(Enrollment enrollment, Type type, Instant at) {
		return new ProgressEvent(enrollment, type, null, null, at);
	}

	static ProgressEvent ofItem(Enrollment enrollment, Type type, long itemId, Instant at) {
		return new ProgressEvent(enrollment, type, itemId, null, at);
	}

	static ProgressEvent ofWeek(Enrollment enrollment, Type type, long weekId, Instant at) {
		return new ProgressEvent(enrollment, type, null, weekId, at);
	}

	Type getType() {
		return this.type;
	}

	Long getItemId() {
		return this.itemId;
	}

	Long getWeekId() {
		return this.weekId;
	}

	Instant getOccurredAt() {
		return this.occurredAt;
	}

}
