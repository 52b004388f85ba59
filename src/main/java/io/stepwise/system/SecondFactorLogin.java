package io.stepwise.system;

import java.net.URI;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * Completes a login whose code from the authenticator app was found correct: the login
 * gets the second factor, the session a new id and a new CSRF token (as at the password
 * step), and the user goes on to the page they asked for or the home of their role.
 */
@Component
public class SecondFactorLogin {

	private static final Pattern API = Pattern.compile("^/api/");

	private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

	private final CsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();

	// The page to return to waits where the chain's entry points left it (a cookie).
	private final RequestCache requestCache = SessionFreeRequestCache.create();

	/**
	 * @return where to send the user now, relative to the application's context path
	 */
	public String complete(HttpServletRequest request, HttpServletResponse response) {
		Authentication current = this.contextHolder.getContext().getAuthentication();
		Authentication completed = SecondFactor.withCodeGiven(current);
		SecurityContext context = this.contextHolder.createEmptyContext();
		context.setAuthentication(completed);
		this.contextHolder.setContext(context);
		SavedRequest saved = this.requestCache.getRequest(request, response);
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		this.contextRepository.saveContext(context, request, response);
		this.csrfTokens.saveToken(null, request, response);
		if (saved != null) {
			this.requestCache.removeRequest(request, response);
			// Only the path and query: the saved URL's host came from the request.
			URI target = URI.create(saved.getRedirectUrl());
			String path = target.getRawPath();
			if (path != null && path.startsWith(request.getContextPath())) {
				path = path.substring(request.getContextPath().length());
				if (path.startsWith("/") && !API.matcher(path).lookingAt()) {
					return path + ((target.getRawQuery() != null) ? "?" + target.getRawQuery() : "");
				}
			}
		}
		return RoleHomeSuccessHandler.homeOf(completed);
	}

	/** Where a login that has all its factors belongs. */
	public String home(Authentication authentication) {
		return RoleHomeSuccessHandler.homeOf(authentication);
	}

}
