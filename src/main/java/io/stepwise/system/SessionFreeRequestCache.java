package io.stepwise.system;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Remembers the page that sent a visitor to the login form (an invite link, a cohort) in
 * a short-lived cookie rather than in a session, so that reaching a protected page
 * anonymously makes no session. Only page views are remembered: not the API, htmx or
 * other scripts' requests, nor the favicon.
 */
final class SessionFreeRequestCache {

	private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

	private SessionFreeRequestCache() {
	}

	static RequestCache create() {
		RequestMatcher notRemembered = new OrRequestMatcher(PATHS.matcher("/api/**"), PATHS.matcher("/favicon.*"),
				HtmxResponses.REQUEST, new RequestHeaderRequestMatcher("X-Requested-With", "XMLHttpRequest"));
		CookieRequestCache cache = new CookieRequestCache();
		cache.setRequestMatcher(
				new AndRequestMatcher(PATHS.matcher(HttpMethod.GET, "/**"), new NegatedRequestMatcher(notRemembered)));
		return cache;
	}

}
