package io.stepwise.account;

import java.util.Optional;

import io.stepwise.system.SessionCheck;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Checks a session against its account: a disabled or deleted account, or one whose
 * sessions were ended since this one logged in, ends it; a role changed since is taken
 * over into the session; a temporary password must be replaced first.
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
		Authentication current = (state.role() != user.role()) ? withRole(authentication, user, state.role())
				: authentication;
		return state.mustChangePassword() ? Result.passwordChangeRequired(current) : Result.current(current);
	}

	private static Authentication withRole(Authentication authentication, AccountUser user, Role role) {
		AccountUser changed = user.withRole(role);
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(changed, null,
				changed.getAuthorities());
		token.setDetails(authentication.getDetails());
		return token;
	}

}
