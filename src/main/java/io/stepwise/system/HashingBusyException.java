package io.stepwise.system;

import java.time.Duration;

/**
 * Every password hashing slot stayed busy for as long as a request may wait: the request
 * is refused at once (503 with Retry-After) rather than queued without end.
 */
public class HashingBusyException extends RuntimeException {

	private final Duration retryAfter;

	HashingBusyException(Duration retryAfter) {
		super("Password hashing is busy");
		this.retryAfter = retryAfter;
	}

	/** How long the client should wait before trying again. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
