package io.stepwise.account;

import java.time.Duration;
import java.util.Optional;

import io.stepwise.system.LoginThrottle;
import io.stepwise.system.SecurityEvents;

import org.springframework.stereotype.Component;

/**
 * A password change whose check of the current password is counted like a login: in the
 * account's count, before the check, so a stolen session gets no more guesses than a
 * login form. Outside the service's transaction on purpose: the count is committed before
 * the check, and holds no second connection while the change waits for one.
 */
@Component
class ThrottledPasswordChange {

	private final AccountService accounts;

	private final LoginThrottle throttle;

	private final SecurityEvents events;

	ThrottledPasswordChange(AccountService accounts, LoginThrottle throttle, SecurityEvents events) {
		this.accounts = accounts;
		this.throttle = throttle;
		this.events = events;
	}

	/**
	 * @throws PasswordCheckThrottled when the account is over the limit; nothing was
	 * checked or changed
	 * @throws AccountRejected when the current password is wrong or the new one not
	 * allowed
	 */
	AccountUser change(AccountUser user, PasswordForm form, String address) {
		Optional<Duration> wait = this.throttle.beginPasswordCheck(user.getUsername());
		if (wait.isPresent()) {
			this.events.passwordCheckThrottled(user.getUsername(), address, wait.get());
			throw new PasswordCheckThrottled(wait.get());
		}
		try {
			AccountUser changed = this.accounts.changePassword(user.id(), form);
			this.throttle.passwordRight(user.getUsername(), null);
			return changed;
		}
		catch (AccountRejected rejected) {
			if (rejected.field().equals("currentPassword")) {
				this.events.passwordCheckFailed(user.getUsername(), address);
			}
			else {
				// The current password was right; only the new one was refused.
				this.throttle.passwordRight(user.getUsername(), null);
			}
			throw rejected;
		}
	}

}
