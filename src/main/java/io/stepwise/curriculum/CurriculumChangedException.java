package io.stepwise.curriculum;

import io.stepwise.system.ConflictException;

/**
 * Someone changed the curriculum since the admin opened the form: any part of it, since
 * one version covers the whole curriculum. Nothing was written.
 */
class CurriculumChangedException extends ConflictException {

	CurriculumChangedException() {
		super("Curriculum changed",
				"Someone changed this curriculum since you opened it. Review the changes, then save again.");
	}

}
