package io.stepwise.system;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Rewrites links to stylesheets, scripts and images to their fingerprinted names, and
 * leaves every other link alone. Spring's filter alone looks each link of a page up on
 * the classpath, a form's address as much as a stylesheet's, and remembers only the ones
 * it finds: a learner's week page, with a form per item, paid for dozens of lookups.
 */
class StaticAssetUrls extends ResourceUrlEncodingFilter {

	static final List<String> ASSET_PATHS = List.of("/css/", "/js/", "/images/", "/webjars/");

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpServletResponse plain = (HttpServletResponse) response;
		String contextPath = ((HttpServletRequest) request).getContextPath();
		super.doFilter(request, response,
				(req, res) -> chain.doFilter(req, new AssetsOnly((HttpServletResponse) res, plain, contextPath)));
	}

	private static final class AssetsOnly extends HttpServletResponseWrapper {

		private final HttpServletResponse plain;

		private final String contextPath;

		AssetsOnly(HttpServletResponse rewriting, HttpServletResponse plain, String contextPath) {
			super(rewriting);
			this.plain = plain;
			this.contextPath = contextPath;
		}

		@Override
		public String encodeURL(String url) {
			return isAsset(url) ? super.encodeURL(url) : this.plain.encodeURL(url);
		}

		private boolean isAsset(String url) {
			return url.startsWith(this.contextPath)
					&& ASSET_PATHS.stream().anyMatch((path) -> url.startsWith(path, this.contextPath.length()));
		}

	}

}
