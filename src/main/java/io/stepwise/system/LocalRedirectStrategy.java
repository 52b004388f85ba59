package io.stepwise.system;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.DefaultRedirectStrategy;

/**
 * Redirects within the portal by path only. The page a visitor asked for before logging
 * in is saved as a full URL built from the request's Host header, which the client
 * chooses; sending back only its path keeps a forged host out of every Location.
 */
final class LocalRedirectStrategy extends DefaultRedirectStrategy {

	@Override
	public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
		super.sendRedirect(request, response, local(url));
	}

	static String local(String url) {
		try {
			URI uri = new URI(url);
			if (!uri.isAbsolute() && uri.getRawAuthority() == null) {
				return url;
			}
			String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
			// "//host/..." would name a host again
			path = path.replaceFirst("^/+", "/");
			return path + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "")
					+ ((uri.getRawFragment() != null) ? "#" + uri.getRawFragment() : "");
		}
		catch (URISyntaxException ex) {
			return "/";
		}
	}

}
