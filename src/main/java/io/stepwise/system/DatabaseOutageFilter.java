package io.stepwise.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns a failure to reach the database anywhere in the request into the outage answer.
 * It is the first filter of all, so it also covers the filters that read the database
 * before any controller runs: the session store, the login throttle, the session check.
 * Every other failure passes through unchanged.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

	private final DatabaseOutage outage;

	DatabaseOutageFilter(DatabaseOutage outage) {
		this.outage = outage;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!DatabaseUnavailable.causedBy(ex) || !this.outage.respond(request, response, ex)) {
				throw ex;
			}
		}
	}

}
