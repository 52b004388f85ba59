package io.stepwise.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.stepwise.system.Audited;

/** One recorded change; never updated. */
@Entity
class AuditEntry {

	/** Longest before or after text kept; longer ones are cut, and say so. */
	static final int TEXT_LENGTH = 20_000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Instant occurredAt;

	private Long actorId;

	private String actorName;

	private String area;

	private String action;

	private String subject;

	@Column(name = "before_text")
	private String before;

	@Column(name = "after_text")
	private String after;

	protected AuditEntry() {
	}

	AuditEntry(Audited change, Instant now) {
		this.occurredAt = now;
		this.actorId = change.actorId();
		this.actorName = (change.actorName() != null) ? change.actorName() : "stepwise";
		this.area = change.area();
		this.action = change.action();
		this.subject = cut(change.subject(), 300);
		this.before = cut(change.before(), TEXT_LENGTH);
		this.after = cut(change.after(), TEXT_LENGTH);
	}

	private static String cut(String text, int length) {
		if (text == null || text.length() <= length) {
			return text;
		}
		return text.substring(0, length - 1) + "…";
	}

	public Long getId() {
		return this.id;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	public String getActorName() {
		return this.actorName;
	}

	public String getArea() {
		return this.area;
	}

	public String getAction() {
		return this.action;
	}

	public String getSubject() {
		return this.subject;
	}

	public String getBefore() {
		return this.before;
	}

	public String getAfter() {
		return this.after;
	}

}
