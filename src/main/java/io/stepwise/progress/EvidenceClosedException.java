package io.stepwise.progress;

import io.stepwise.system.ConflictException;

/** A change to evidence that its state no longer allows. Nothing was written. */
class EvidenceClosedException extends ConflictException {

	EvidenceClosedException() {
		super("Evidence closed",
				"This evidence was reviewed meanwhile: accepted evidence cannot change, and only waiting evidence can be reviewed.");
	}

}
