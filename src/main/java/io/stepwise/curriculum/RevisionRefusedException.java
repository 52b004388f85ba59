package io.stepwise.curriculum;

/**
 * A new version of a curriculum's document that cannot be applied to the stored
 * curriculum without taking progress away; the message says why, for the admin.
 */
public class RevisionRefusedException extends RuntimeException {

	RevisionRefusedException(String message) {
		super(message);
	}

}
