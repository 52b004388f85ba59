package io.stepwise.account;

import java.util.Optional;

import io.stepwise.system.SecondFactor;
import io.stepwise.system.SessionCheck;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Checks a session against its account: a disabled or deleted account, or one whose
 * sessions were ended since this one logged in, ends it; a role or second factor changed
 * since is taken over into the session; a temporary password must be replaced first.
 */
@Component
class AccountSessionCheck implements SessionCheck {

	private final AccountRepository accounts;

	AccountSessionCheck(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	public Result check(Authentication authentication) {
		if (!(authentication.getPrincipal() instanceof AccountUser user)) {
			// Not a login of this portal's accounts (only tests make such logins).
			return Result.current(authentication);
		}
		Optional<SessionState> found = this.accounts.findSessionState(user.id());
		if (found.isEmpty() || !found.get().enabled() || found.get().sessionEpoch() != user.sessionEpoch()) {
			return Result.ended();
		}
		SessionState state = found.get();
		boolean changed = state.role() != user.role() || state.twoFactorEnabled() != user.secondFactorEnabled();
		Authentication current = changed ? rebuilt(authentication, user, state) : authentication;
		return state.mustChangePassword() ? Result.passwordChangeRequired(current) : Result.current(current);
	}

	/**
	 * The login with the account's role and second factor as they are now, keeping the
	 * factors it gave: a login raised to admin without the code must give it next.
	 */
	private static Authentication rebuilt(Authentication authentication, AccountUser user, SessionState state) {
		AccountUser changed = user.withState(state.role(), state.twoFactorEnabled());
		return SecondFactor.rebuild(authentication, changed, changed.getAuthorities());
	}

}
