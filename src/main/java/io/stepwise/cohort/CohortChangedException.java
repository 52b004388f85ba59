package io.stepwise.cohort;

import io.stepwise.system.ConflictException;

/** Someone else changed the cohort since the admin opened it. Nothing was written. */
class CohortChangedException extends ConflictException {

	CohortChangedException() {
		super("Cohort changed",
				"Someone changed this cohort since you opened it. Review the changes, then save again.");
	}

}
