package io.stepwise.progress;

import io.stepwise.system.ConflictException;

/** A write on a curriculum the learner has not enrolled in. */
class NotEnrolledException extends ConflictException {

	NotEnrolledException(String slug) {
		super("Not enrolled", "You are not enrolled in '" + slug + "'. Enroll first.");
	}

}
