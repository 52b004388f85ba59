package io.stepwise.account;

import jakarta.validation.constraints.NotEmpty;

record PasswordForm(@NotEmpty(message = "{account.password.current.required}") String currentPassword,
		String newPassword) {

	static PasswordForm empty() {
		return new PasswordForm("", "");
	}

}
