package io.stepwise.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * RFC 9457 answers for API calls refused by the security filters, which run before any
 * controller advice could write one.
 */
final class ProblemResponses {

	private ProblemResponses() {
	}

	static AuthenticationEntryPoint unauthorized() {
		return (request, response, ex) -> write(response, HttpStatus.UNAUTHORIZED,
				"Log in to use this part of the API.");
	}

	static AccessDeniedHandler forbidden() {
		return (request, response, ex) -> write(response, HttpStatus.FORBIDDEN,
				"Not allowed: your account may not do this, or the write lacks the CSRF token "
						+ "from the page's _csrf meta tag.");
	}

	/** The session's login ended: the account was disabled or its sessions ended. */
	static void sessionEnded(HttpServletResponse response) throws IOException {
		write(response, HttpStatus.UNAUTHORIZED, "Your session has ended. Log in again to use the API.");
	}

	static void passwordChangeRequired(HttpServletResponse response) throws IOException {
		write(response, HttpStatus.FORBIDDEN, "Password change required",
				"Your account has a temporary password. Choose a new one at /account/password/new first.");
	}

	/** The login gave the password but not yet the code from the authenticator app. */
	static AuthenticationEntryPoint secondFactorRequired() {
		return (request, response, ex) -> write(response, HttpStatus.UNAUTHORIZED, "Second factor required",
				"Your account needs the code from your authenticator app. Give it at " + SecondFactor.VERIFY_PATH
						+ " first.");
	}

	private static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		write(response, status, status.getReasonPhrase(), detail);
	}

	// Only constant texts are written, so nothing needs escaping.
	private static void write(HttpServletResponse response, HttpStatus status, String title, String detail)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
					+ ",\"detail\":\"" + detail + "\"}");
	}

}
