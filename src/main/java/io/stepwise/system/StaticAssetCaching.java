package io.stepwise.system;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stylesheets, scripts and images are linked with their content's hash in the name, so a
 * browser may keep one for a year without asking again: a changed file has another name.
 * The resource handler sets the long lifetime on every file it finds; the same file asked
 * for by its plain name is to be checked each time instead (no-cache), so only
 * fingerprinted names are kept unasked. Nothing is set for a file not found, which a
 * browser must not keep.
 */
class StaticAssetCaching extends OncePerRequestFilter {

	static final String FINGERPRINTED = "public, max-age=31536000, immutable";

	private static final Pattern FINGERPRINT = Pattern.compile(".*-[0-9a-f]{32}\\.[A-Za-z0-9]+");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean fingerprinted = FINGERPRINT.matcher(request.getRequestURI()).matches();
		chain.doFilter(request, new CacheControlled(response, fingerprinted ? FINGERPRINTED : "no-cache"));
	}

	private static final class CacheControlled extends HttpServletResponseWrapper {

		private final String cacheControl;

		CacheControlled(HttpServletResponse response, String cacheControl) {
			super(response);
			this.cacheControl = cacheControl;
		}

		@Override
		public void setHeader(String name, String value) {
			super.setHeader(name, HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name) ? this.cacheControl : value);
		}

		@Override
		public void addHeader(String name, String value) {
			super.addHeader(name, HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name) ? this.cacheControl : value);
		}

	}

}
