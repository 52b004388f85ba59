package io.stepwise.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A login whose username no account can have (control or text-direction characters, or
 * longer than any username or email) fails as a wrong password does, before the login
 * throttle or the account lookup put it in a query: PostgreSQL refuses a NUL outright. No
 * password is checked, so nothing is gained by it.
 */
class LoginNameFilter extends OncePerRequestFilter {

	/** The longest email an account can have; usernames are shorter. */
	static final int MAX_LENGTH = 254;

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !(HttpMethod.POST.matches(request.getMethod())
				&& request.getRequestURI().equals(request.getContextPath() + "/login"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String username = request.getParameter("username");
		if (username != null && (username.length() > MAX_LENGTH || !PlainText.Validator.isClean(username, false))) {
			response.sendRedirect(request.getContextPath() + "/login?error");
			return;
		}
		chain.doFilter(request, response);
	}

}
