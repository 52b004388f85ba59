package io.stepwise.progress;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An account's calendar feed, known by the hash of the token in its address. */
@Entity
@Table(name = "calendar_feed")
class CalendarFeed {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long accountId;

	private String tokenHash;

	private Instant createdAt;

	protected CalendarFeed() {
	}

	CalendarFeed(long accountId, String tokenHash, Instant createdAt) {
		this.accountId = accountId;
		this.tokenHash = tokenHash;
		this.createdAt = createdAt;
	}

	void replace(String tokenHash, Instant createdAt) {
		this.tokenHash = tokenHash;
		this.createdAt = createdAt;
	}

	long getAccountId() {
		return this.accountId;
	}

	String getTokenHash() {
		return this.tokenHash;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

}
