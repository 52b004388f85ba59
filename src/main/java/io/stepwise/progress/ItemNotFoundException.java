package io.stepwise.progress;

import io.stepwise.system.NotFoundException;

/**
 * An item id that is not part of the curriculum asked about: not found, whoever owns it.
 */
class ItemNotFoundException extends NotFoundException {

	ItemNotFoundException(long itemId) {
		super("No item " + itemId + " in this curriculum.");
	}

}
