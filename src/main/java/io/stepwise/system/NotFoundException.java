package io.stepwise.system;

/**
 * Something asked for does not exist, or is not the caller's to see: both look the same
 * from outside. Pages answer with the 404 page, the API with a problem detail.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String detail) {
		super(detail);
	}

}
