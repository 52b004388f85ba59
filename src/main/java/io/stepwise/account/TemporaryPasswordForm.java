package io.stepwise.account;

/**
 * Gives the account in the address a temporary password.
 *
 * @param password the one the admin chose, or blank to have one generated; checked by the
 * password rules when it is set
 */
record TemporaryPasswordForm(String password) {

	static TemporaryPasswordForm empty() {
		return new TemporaryPasswordForm("");
	}

	SetTemporaryPassword toCommand(String username) {
		return new SetTemporaryPassword(username, this.password);
	}

}
