package io.stepwise.account;

import java.time.Duration;

/**
 * The current password was not checked: the account had too many wrong guesses in the
 * window.
 */
class PasswordCheckThrottled extends AccountRejected {

	private final Duration retryAfter;

	PasswordCheckThrottled(Duration retryAfter) {
		super("currentPassword", "account.password.throttled");
		this.retryAfter = retryAfter;
	}

	Duration retryAfter() {
		return this.retryAfter;
	}

}
