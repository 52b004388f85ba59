package io.stepwise.system;

import java.security.Principal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Security events for a log pipeline: one line each on the logger
 * {@code stepwise.security}, as {@code event=... user="..." address="..."}. Values are
 * quoted, and control, format and line-separator characters in them are escaped, so a
 * username with CR/LF cannot forge a second line or event. With structured logging the
 * same fields travel as key-value pairs of the log event.
 */
@Component
public class SecurityEvents {

	/** A logger name of its own, so operators can route these lines apart. */
	static final String LOGGER = "stepwise.security";

	/** The counter of refused login attempts and password checks, by form. */
	static final String THROTTLED_COUNTER = "stepwise.logins.throttled";

	/** Longer values are cut: a log line should not carry a megabyte of username. */
	private static final int MAX_VALUE_LENGTH = 120;

	private static final Logger log = LoggerFactory.getLogger(LOGGER);

	private final Counter loginsThrottled;

	private final Counter passwordChecksThrottled;

	private final Counter secondFactorsThrottled;

	SecurityEvents(MeterRegistry meters) {
		this.loginsThrottled = throttledCounter(meters, "login");
		this.passwordChecksThrottled = throttledCounter(meters, "password-change");
		this.secondFactorsThrottled = throttledCounter(meters, "second-factor");
	}

	/** A login with a wrong password or an unknown username. */
	public void loginFailed(String username, String address) {
		warn(fields("login-failed").user(username).address(address));
	}

	/** A wrong current password given to change the password. */
	public void passwordCheckFailed(String username, String address) {
		warn(fields("password-check-failed").user(username).address(address));
	}

	/** A login refused with 429 before its password was checked. */
	public void loginThrottled(String username, String address, Duration retryAfter) {
		this.loginsThrottled.increment();
		warn(fields("login-throttled").user(username).address(address).add("retry-after", retryAfter.toSeconds()));
	}

	/** A password change refused with 429 before the current password was checked. */
	public void passwordCheckThrottled(String username, String address, Duration retryAfter) {
		this.passwordChecksThrottled.increment();
		warn(fields("password-check-throttled").user(username)
			.address(address)
			.add("retry-after", retryAfter.toSeconds()));
	}

	/**
	 * A code refused at the login's second step: wrong, or one already used (a replay).
	 */
	public void secondFactorFailed(String username, String address, String reason) {
		warn(fields("second-factor-failed").user(username).address(address).add("reason", reason));
	}

	/** A second-factor code refused with 429 before it was checked. */
	public void secondFactorThrottled(String username, String address, Duration retryAfter) {
		this.secondFactorsThrottled.increment();
		warn(fields("second-factor-throttled").user(username)
			.address(address)
			.add("retry-after", retryAfter.toSeconds()));
	}

	/** A request refused because every password hashing slot stayed busy. */
	public void hashingBusy(String username, String address) {
		warn(fields("hashing-busy").user(username).address(address));
	}

	/** A state-changing request refused for a missing or wrong CSRF token. */
	public void csrfRefused(HttpServletRequest request) {
		warn(fields("csrf-refused").user(userOf(request))
			.address(request.getRemoteAddr())
			.add("method", request.getMethod())
			.add("path", request.getRequestURI()));
	}

	/**
	 * The CSRF check runs before the request is given its principal, so the login comes
	 * from the security context where the request has none.
	 */
	private static String userOf(HttpServletRequest request) {
		Principal principal = request.getUserPrincipal();
		if (principal != null) {
			return principal.getName();
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) ? authentication.getName() : null;
	}

	private static Counter throttledCounter(MeterRegistry meters, String form) {
		return Counter.builder(THROTTLED_COUNTER)
			.description("Login attempts and password checks refused by the throttle")
			.tag("form", form)
			.register(meters);
	}

	private static Fields fields(String event) {
		return new Fields().add("event", event);
	}

	private static void warn(Fields fields) {
		LoggingEventBuilder event = log.atWarn();
		fields.values.forEach(event::addKeyValue);
		event.log(fields.line());
	}

	/**
	 * A value as it may stand in a line: backslash, quote and every control, format (bidi
	 * overrides among them) and line or paragraph separator character escaped, cut at
	 * {@value #MAX_VALUE_LENGTH} characters.
	 */
	static String escape(String value) {
		if (value == null) {
			return "";
		}
		StringBuilder out = new StringBuilder();
		int length = 0;
		for (int i = 0; i < value.length(); i = value.offsetByCodePoints(i, 1)) {
			if (length++ == MAX_VALUE_LENGTH) {
				out.append("...");
				break;
			}
			int c = value.codePointAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '"' -> out.append("\\\"");
				case '\r' -> out.append("\\r");
				case '\n' -> out.append("\\n");
				case '\t' -> out.append("\\t");
				default -> {
					if (unsafe(c)) {
						out.append(String.format("\\u%04x", c));
					}
					else {
						out.appendCodePoint(c);
					}
				}
			}
		}
		return out.toString();
	}

	private static boolean unsafe(int c) {
		int type = Character.getType(c);
		return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
				|| type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE || type == Character.UNASSIGNED
				|| type == Character.PRIVATE_USE;
	}

	/** The fields of one event, in order; values kept escaped. */
	static final class Fields {

		private final Map<String, String> values = new LinkedHashMap<>();

		Fields add(String key, Object value) {
			this.values.put(key, escape((value != null) ? value.toString() : null));
			return this;
		}

		Fields user(String username) {
			return add("user", username);
		}

		Fields address(String address) {
			return add("address", address);
		}

		/** The event as one line: {@code event=name key="value" ...}. */
		String line() {
			StringBuilder line = new StringBuilder();
			this.values.forEach((key, value) -> {
				if (!line.isEmpty()) {
					line.append(' ');
				}
				line.append(key).append('=');
				if (key.equals("event")) {
					line.append(value);
				}
				else {
					line.append('"').append(value).append('"');
				}
			});
			return line.toString();
		}

	}

}
