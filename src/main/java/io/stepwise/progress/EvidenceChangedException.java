package io.stepwise.progress;

import io.stepwise.system.ConflictException;

/** The learner revised their evidence after the mentor opened it. Nothing was written. */
class EvidenceChangedException extends ConflictException {

	EvidenceChangedException() {
		super("Evidence changed", "The learner changed this evidence since you opened it. Read it again, then review.");
	}

}
