package io.stepwise.account;

/** The password that replaces a temporary one. */
record NewPasswordForm(String newPassword) {

	static NewPasswordForm empty() {
		return new NewPasswordForm("");
	}

}
