package io.stepwise.system;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Answers for in-place updates made with htmx. A redirect would be followed by the script
 * and the login page swapped into the middle of the page; HX-Redirect makes the browser
 * navigate instead.
 */
final class HtmxResponses {

	static final RequestMatcher REQUEST = new RequestHeaderRequestMatcher("HX-Request", "true");

	private HtmxResponses() {
	}

	static AuthenticationEntryPoint redirectTo(String path) {
		return (request, response, ex) -> {
			response.setHeader("HX-Redirect", request.getContextPath() + path);
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
		};
	}

}
