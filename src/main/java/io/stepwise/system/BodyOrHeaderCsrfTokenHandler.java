package io.stepwise.system;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Reads the CSRF token from its header or from the form body, never from the address: a
 * token in a query string ends up in logs, in the browser's history and in the Referer
 * sent to other sites. A write whose address names the token is refused even when the
 * token is right. Everything else, the masking of the token against BREACH included, is
 * Spring Security's default handler.
 */
final class BodyOrHeaderCsrfTokenHandler implements CsrfTokenRequestHandler {

	private final XorCsrfTokenRequestAttributeHandler delegate = new XorCsrfTokenRequestAttributeHandler();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
		this.delegate.handle(request, response, csrfToken);
	}

	@Override
	public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
		if (request.getHeader(csrfToken.getHeaderName()) == null
				&& namesParameter(request.getQueryString(), csrfToken.getParameterName())) {
			return null;
		}
		return this.delegate.resolveCsrfTokenValue(request, csrfToken);
	}

	static boolean namesParameter(String query, String name) {
		if (query == null || query.isEmpty()) {
			return false;
		}
		return Arrays.stream(query.split("&")).map((pair) -> decode(pair.split("=", 2)[0])).anyMatch(name::equals);
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			// not decodable: not the parameter's name either
			return text;
		}
	}

}
