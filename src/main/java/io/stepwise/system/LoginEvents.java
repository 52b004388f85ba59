package io.stepwise.system;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Feeds the login throttle from Spring Security's authentication events. */
@Component
class LoginEvents {

	private final LoginThrottle throttle;

	LoginEvents(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@EventListener
	void on(AuthenticationFailureBadCredentialsEvent event) {
		String address = (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : "unknown";
		this.throttle.failed(event.getAuthentication().getName(), address);
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		this.throttle.succeeded(event.getAuthentication().getName());
	}

}
