package io.stepwise.account;

/**
 * An admin gives an account a temporary password.
 *
 * @param password the one the admin chose, or blank for one the portal generates
 */
record SetTemporaryPassword(String username, String password) {

	boolean generate() {
		return this.password == null || this.password.isBlank();
	}

}
