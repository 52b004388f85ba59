package io.stepwise.authoring;

/**
 * An import that cannot go ahead for a reason that is not a line of the document: a slug
 * that is not one, or a document that would take learners' progress away. Nothing is
 * stored.
 */
class ImportRefusedException extends RuntimeException {

	ImportRefusedException(String message) {
		super(message);
	}

}
