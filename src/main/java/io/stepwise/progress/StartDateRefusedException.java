package io.stepwise.progress;

/**
 * A start date outside the range {@link io.stepwise.system.StartDate} allows, chosen on a
 * page; the API refuses it earlier, as an invalid field.
 */
class StartDateRefusedException extends RuntimeException {

	StartDateRefusedException() {
		super("The start date is outside the range a curriculum can start in.");
	}

}
