package io.stepwise.system;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts each login attempt before its password is checked, and refuses it with 429 and
 * Retry-After when its account or client address is over the limit. A login that finds
 * every password hashing slot busy is refused with 503 and Retry-After, and counts for
 * nothing. The client address is the connection's unless it comes from a trusted proxy
 * (see {@link TrustedProxies}).
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	private static final RequestMatcher LOGIN = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, "/login");

	private final LoginThrottle throttle;

	private final SecurityEvents events;

	LoginThrottleFilter(LoginThrottle throttle, SecurityEvents events) {
		this.throttle = throttle;
		this.events = events;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !LOGIN.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String username = request.getParameter("username");
		String address = request.getRemoteAddr();
		Optional<Duration> wait = this.throttle.beginLogin(username, address);
		if (wait.isPresent()) {
			this.events.loginThrottled(username, address, wait.get());
			refuse(response, HttpStatus.TOO_MANY_REQUESTS, wait.get());
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (HashingBusyException ex) {
			this.throttle.notChecked(username, address);
			this.events.hashingBusy(username, address);
			refuse(response, HttpStatus.SERVICE_UNAVAILABLE, ex.retryAfter());
		}
	}

	private static void refuse(HttpServletResponse response, HttpStatus status, Duration wait) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())));
		response.sendError(status.value());
	}

}
