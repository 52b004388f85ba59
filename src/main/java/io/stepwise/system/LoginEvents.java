package io.stepwise.system;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Tells the login throttle about right passwords (the attempt was counted before the
 * check) and logs wrong ones as security events.
 */
@Component
class LoginEvents {

	private final LoginThrottle throttle;

	private final SecurityEvents events;

	LoginEvents(LoginThrottle throttle, SecurityEvents events) {
		this.throttle = throttle;
		this.events = events;
	}

	@EventListener
	void on(AuthenticationFailureBadCredentialsEvent event) {
		this.events.loginFailed(event.getAuthentication().getName(), address(event.getAuthentication()));
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		this.throttle.passwordRight(event.getAuthentication().getName(), address(event.getAuthentication()));
	}

	private static String address(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: null;
	}

}
