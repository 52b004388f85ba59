package io.stepwise.system;

import java.util.Map;

/**
 * A request the rules refuse in the current state, with nothing written. The API answers
 * 409 with a problem detail carrying {@link #title()}, the message and
 * {@link #properties()}; pages usually catch it and explain.
 */
public abstract class ConflictException extends RuntimeException {

	private final String title;

	protected ConflictException(String title, String detail) {
		super(detail);
		this.title = title;
	}

	public String title() {
		return this.title;
	}

	/** Extra members of the problem detail, for clients that act on them. */
	public Map<String, Object> properties() {
		return Map.of();
	}

}
