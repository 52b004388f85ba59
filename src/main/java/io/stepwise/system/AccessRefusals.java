package io.stepwise.system;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Answers every refused request: a missing role and a write without a valid CSRF token
 * alike. A page's write whose token the server does not hold, because the session its
 * cookie names is over (it expired, was ended, or is unknown), comes from a page left
 * open too long: the browser goes to the login form, which says the session ended, and
 * htmx is told to go there rather than swap in nothing. Other refusals get the friendly
 * 403 page; the API keeps its problem details for all of them.
 */
class AccessRefusals implements AccessDeniedHandler {

	private static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");

	private final AccessDeniedHandler pages = new AccessDeniedHandlerImpl();

	private final AccessDeniedHandler api = ProblemResponses.forbidden();

	private final SecurityEvents events;

	AccessRefusals(SecurityEvents events) {
		this.events = events;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
			throws IOException, ServletException {
		if (refused instanceof CsrfException csrf) {
			refuseCsrf(request, response, csrf);
		}
		else {
			refuse(request, response, refused);
		}
	}

	/** Every CSRF refusal passes here, and each is a security event. */
	private void refuseCsrf(HttpServletRequest request, HttpServletResponse response, CsrfException refused)
			throws IOException, ServletException {
		this.events.csrfRefused(request);
		if (refused instanceof MissingCsrfTokenException && namesAnEndedSession(request) && !API.matches(request)) {
			sessionExpired(request, response);
		}
		else {
			refuse(request, response, refused);
		}
	}

	/**
	 * The session cookie names a session the server no longer has. A write with no
	 * session cookie at all (a forged one from another site, which the SameSite cookie
	 * does not accompany) is an ordinary refusal.
	 */
	private static boolean namesAnEndedSession(HttpServletRequest request) {
		return request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
			throws IOException, ServletException {
		AccessDeniedHandler handler = API.matches(request) ? this.api : this.pages;
		handler.handle(request, response, refused);
	}

	private static void sessionExpired(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String login = request.getContextPath() + SessionCheckFilter.SESSION_ENDED;
		if (HtmxResponses.REQUEST.matches(request)) {
			response.setHeader("HX-Redirect", login);
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
		}
		else {
			response.sendRedirect(login);
		}
	}

}
