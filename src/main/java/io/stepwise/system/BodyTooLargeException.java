package io.stepwise.system;

import java.io.IOException;

/**
 * A request body that went past its limit while it was read; thrown from the body's
 * stream, so whatever reads it stops there.
 */
class BodyTooLargeException extends IOException {

	BodyTooLargeException(long limit) {
		super("The request body is larger than " + limit + " bytes.");
	}

	/** Whether the exception or one of its causes is this one. */
	static boolean in(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLargeException) {
				return true;
			}
		}
		return false;
	}

}
