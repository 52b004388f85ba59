package io.stepwise.curriculum;

/**
 * A part cannot be removed in its current state, such as a week that still holds skills.
 * Nothing was written.
 *
 * @see #reason()
 */
class RemovalRefusedException extends RuntimeException {

	private final String reason;

	RemovalRefusedException(String reason) {
		super(reason);
		this.reason = reason;
	}

	/** The message code that explains the refusal to the admin. */
	String reason() {
		return this.reason;
	}

}
