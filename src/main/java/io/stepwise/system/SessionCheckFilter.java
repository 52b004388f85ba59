package io.stepwise.system;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds every authenticated request to the account as it is now (see
 * {@link SessionCheck}) and to the session's absolute lifetime. An ended login loses its
 * session at once: pages go to the login form, which says why, htmx is told to go there,
 * the API answers 401. A changed role replaces the session's login, so the URL rules that
 * follow see the new one. An account with a temporary password reaches only the page that
 * replaces it.
 * <p>
 * It runs after the login and logout filters, so a new login and a logout work whatever
 * the old session holds, and skips static assets, which tell nothing about an account.
 * Error pages are not filtered again.
 */
class SessionCheckFilter extends OncePerRequestFilter {

	static final String SESSION_ENDED = "/login?expired";

	static final String NEW_PASSWORD = "/account/password/new";

	private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

	private static final RequestMatcher STATIC = new OrRequestMatcher(PATHS.matcher("/webjars/**"),
			PATHS.matcher("/css/**"), PATHS.matcher("/js/**"), PATHS.matcher("/images/**"),
			PATHS.matcher("/favicon.ico"));

	private static final RequestMatcher API = PATHS.matcher("/api/**");

	private static final RequestMatcher NEW_PASSWORD_PAGE = PATHS.matcher(NEW_PASSWORD);

	/**
	 * The code from the authenticator app comes before a new password: the password page
	 * itself needs the code.
	 */
	private static final RequestMatcher SECOND_FACTOR_STEPS = new OrRequestMatcher(
			PATHS.matcher(SecondFactor.VERIFY_PATH), PATHS.matcher(SecondFactor.ENROL_PATH),
			PATHS.matcher(SecondFactor.ENROL_PATH + "/secret"), PATHS.matcher(SecondFactor.ENROL_PATH + "/confirm"));

	private final SessionCheck check;

	private final Duration absoluteTimeout;

	private final Clock clock;

	private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	SessionCheckFilter(SessionCheck check, SessionSettings settings, Clock clock) {
		this.check = check;
		this.absoluteTimeout = settings.absoluteTimeout();
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return STATIC.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication current = this.contextHolder.getContext().getAuthentication();
		boolean authenticated = current != null && this.trust.isAuthenticated(current);
		HttpSession session = request.getSession(false);
		if (session != null && outlived(session)) {
			if (authenticated) {
				end(request, response);
				return;
			}
			session.invalidate();
		}
		if (!authenticated) {
			chain.doFilter(request, response);
			return;
		}
		SessionCheck.Result result = this.check.check(current);
		if (result.status() == SessionCheck.Status.ENDED) {
			end(request, response);
			return;
		}
		if (result.authentication() != current) {
			replace(result.authentication(), request, response);
		}
		if (result.status() == SessionCheck.Status.PASSWORD_CHANGE_REQUIRED && !NEW_PASSWORD_PAGE.matches(request)
				&& !SECOND_FACTOR_STEPS.matches(request)) {
			requirePasswordChange(request, response);
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * Whether the session is older than the absolute timeout. It counts from the
	 * session's start, which a login keeps (the id changes, the session stays), so a
	 * login does not prolong it.
	 */
	private boolean outlived(HttpSession session) {
		return Instant.ofEpochMilli(session.getCreationTime())
			.plus(this.absoluteTimeout)
			.isBefore(this.clock.instant());
	}

	private void end(HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		this.contextHolder.clearContext();
		if (HtmxResponses.REQUEST.matches(request)) {
			response.setHeader("HX-Redirect", request.getContextPath() + SESSION_ENDED);
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
		}
		else if (API.matches(request)) {
			ProblemResponses.sessionEnded(response);
		}
		else {
			response.sendRedirect(request.getContextPath() + SESSION_ENDED);
		}
	}

	private void replace(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = this.contextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		this.contextHolder.setContext(context);
		// Kept for the session's next requests; a request without a session (a test's
		// login, a token later) gets none made for it.
		if (request.getSession(false) != null) {
			this.contextRepository.saveContext(context, request, response);
		}
	}

	private void requirePasswordChange(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (HtmxResponses.REQUEST.matches(request)) {
			response.setHeader("HX-Redirect", request.getContextPath() + NEW_PASSWORD);
			response.setStatus(HttpStatus.FORBIDDEN.value());
		}
		else if (API.matches(request)) {
			ProblemResponses.passwordChangeRequired(response);
		}
		else {
			response.sendRedirect(request.getContextPath() + NEW_PASSWORD);
		}
	}

}
