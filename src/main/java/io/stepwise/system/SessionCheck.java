package io.stepwise.system;

import org.springframework.security.core.Authentication;

/**
 * Compares a session's login with the account as the database has it now, on every
 * authenticated request. A session holds a copy of the account made at login; the account
 * row is what decides, so a change made on any instance (an account disabled, a role
 * taken away, a password changed) counts on all of them at the next request, whichever
 * instance serves it.
 */
public interface SessionCheck {

	/**
	 * @param authentication the authenticated login the session holds
	 * @return what the request may do with it
	 */
	Result check(Authentication authentication);

	enum Status {

		/** The login stands, with {@link Result#authentication()}. */
		CURRENT,

		/** The login is over: the account was disabled, or its sessions were ended. */
		ENDED,

		/** The login stands, but the account must choose a new password first. */
		PASSWORD_CHANGE_REQUIRED

	}

	/**
	 * @param authentication the login to go on with: the one checked, or one rebuilt from
	 * the database when the account's role changed; null when {@link Status#ENDED}
	 */
	record Result(Status status, Authentication authentication) {

		public static Result current(Authentication authentication) {
			return new Result(Status.CURRENT, authentication);
		}

		public static Result ended() {
			return new Result(Status.ENDED, null);
		}

		public static Result passwordChangeRequired(Authentication authentication) {
			return new Result(Status.PASSWORD_CHANGE_REQUIRED, authentication);
		}

	}

}
