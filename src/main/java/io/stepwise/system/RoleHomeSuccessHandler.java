package io.stepwise.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * After login, back to the page that asked for it (an invite link, a cohort a mentor was
 * sent); otherwise to the home of the user's role: admins to the admin pages, mentors to
 * their cohorts, learners to their dashboard.
 */
class RoleHomeSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

	RoleHomeSuccessHandler(RequestCache requestCache) {
		setDefaultTargetUrl("/dashboard");
		setRedirectStrategy(new LocalRedirectStrategy());
		setRequestCache(requestCache);
	}

	@Override
	protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) {
		return homeOf(authentication);
	}

	static String homeOf(Authentication authentication) {
		boolean admin = hasAuthority(authentication, "ROLE_ADMIN");
		boolean mentor = hasAuthority(authentication, "ROLE_MENTOR");
		return admin ? "/admin" : (mentor ? "/mentor" : "/dashboard");
	}

	private static boolean hasAuthority(Authentication authentication, String authority) {
		return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authority::equals);
	}

}
