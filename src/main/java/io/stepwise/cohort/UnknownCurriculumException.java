package io.stepwise.cohort;

import io.stepwise.system.NotFoundException;

/**
 * A new cohort names a curriculum that does not exist. Nothing was written; it is bad
 * input of the form or request that asked, so pages and the API answer it as such.
 */
class UnknownCurriculumException extends NotFoundException {

	UnknownCurriculumException(String slug) {
		super("No curriculum '" + slug + "'");
	}

}
