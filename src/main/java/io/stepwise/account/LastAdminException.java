package io.stepwise.account;

import io.stepwise.system.ConflictException;

/**
 * A demotion or a disable that would leave the portal without an enabled admin. Nothing
 * was written.
 */
class LastAdminException extends ConflictException {

	LastAdminException(String username) {
		super("Last administrator", "'" + username + "' is the only enabled administrator: make another account an "
				+ "administrator first.");
	}

}
