package io.stepwise.cohort;

import io.stepwise.system.NotFoundException;

/**
 * No account has the username or email an admin named. Nothing was written; pages show it
 * as an error of the field that was typed, the API as a 404.
 */
class UnknownUserException extends NotFoundException {

	private final String usernameOrEmail;

	UnknownUserException(String usernameOrEmail) {
		super("No user '" + usernameOrEmail + "'");
		this.usernameOrEmail = usernameOrEmail;
	}

	String usernameOrEmail() {
		return this.usernameOrEmail;
	}

}
