package io.stepwise.curriculum;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stepwise.curriculum.CurriculumCaches.CachedPage;
import io.stepwise.curriculum.CurriculumCaches.PageKey;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves the curriculum pages anonymous visitors see (home, overviews, weeks) from the
 * bytes rendered last for the same version of the curricula. The versions are read in one
 * statement, and then trusted for a moment ({@link RecentStamps}), so a busy page is
 * served without touching the database. They carry an entity tag and a modification time,
 * answer conditional requests with 304, and may be kept by any cache that asks again
 * before using them ({@code no-cache}): an admin's edit shows within that moment.
 * <p>
 * Only what is the same for every anonymous visitor is kept: no login, no session (so no
 * CSRF token, no flash message), no query string, and a 200 that set no cookie. The
 * portal's security policy has no per-request nonce, so the bytes hold nothing of the
 * request. Runs after the security filters, which add their headers as for any page.
 */
class AnonymousPages extends OncePerRequestFilter {

	/** The stamp read for this request, so the page's own read does not repeat it. */
	static final String STAMP = "io.stepwise.curriculum.AnonymousPages.stamp";

	private static final Pattern CURRICULUM_PAGE = Pattern.compile("/curricula/([^/]+)(?:/weeks/\\d{1,6})?");

	private static final String CACHE_CONTROL = "no-cache";

	private final RecentStamps stamps;

	private final CurriculumCaches caches;

	private final LocaleResolver locales;

	AnonymousPages(RecentStamps stamps, CurriculumCaches caches, LocaleResolver locales) {
		this.stamps = stamps;
		this.caches = caches;
		this.locales = locales;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		return !("GET".equals(method) || "HEAD".equals(method)) || request.getQueryString() != null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Optional<Versions> versions = anonymous(request) ? versionsOf(path) : Optional.empty();
		if (versions.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		if (versions.get().stamp() != null) {
			request.setAttribute(STAMP, versions.get().stamp());
		}
		PageKey key = new PageKey(path, versions.get().key(), this.locales.resolveLocale(request));
		CachedPage page = this.caches.pages().getIfPresent(key);
		if (page == null) {
			ContentCachingResponseWrapper rendered = new ContentCachingResponseWrapper(response);
			chain.doFilter(request, rendered);
			if (!keepable(request, rendered)) {
				rendered.copyBodyToResponse();
				return;
			}
			page = page(rendered, versions.get().lastModified());
			this.caches.pages().put(key, page);
		}
		send(page, request, response);
	}

	private static boolean anonymous(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication == null || authentication instanceof AnonymousAuthenticationToken)
				&& request.getSession(false) == null;
	}

	private Optional<Versions> versionsOf(String path) {
		if ("/".equals(path)) {
			List<CurriculumStamp> stamps = this.stamps.ofAll();
			Instant lastModified = stamps.stream()
				.map(CurriculumStamp::updatedAt)
				.max(Instant::compareTo)
				.orElse(Instant.EPOCH);
			List<List<Long>> key = stamps.stream().map((stamp) -> List.of(stamp.id(), stamp.version())).toList();
			return Optional.of(new Versions(key, null, lastModified));
		}
		Matcher matcher = CURRICULUM_PAGE.matcher(path);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		return this.stamps.ofSlug(matcher.group(1))
			.map((stamp) -> new Versions(List.of(stamp.id(), stamp.version()), stamp, stamp.updatedAt()));
	}

	private static boolean keepable(HttpServletRequest request, ContentCachingResponseWrapper rendered) {
		String contentType = rendered.getContentType();
		return "GET".equals(request.getMethod()) && rendered.getStatus() == HttpServletResponse.SC_OK
				&& contentType != null && contentType.startsWith("text/html")
				&& !rendered.containsHeader(HttpHeaders.SET_COOKIE) && request.getSession(false) == null;
	}

	private CachedPage page(ContentCachingResponseWrapper rendered, Instant updatedAt) {
		byte[] body = rendered.getContentAsByteArray();
		Instant lastModified = ((updatedAt != null && updatedAt.isAfter(this.caches.started())) ? updatedAt
				: this.caches.started())
			.truncatedTo(ChronoUnit.SECONDS);
		return new CachedPage(body, rendered.getContentType(), rendered.getHeader(HttpHeaders.CONTENT_LANGUAGE),
				"W/\"" + digest(body) + "\"", lastModified);
	}

	private static void send(CachedPage page, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		response.setHeader(HttpHeaders.ETAG, page.etag());
		response.setDateHeader(HttpHeaders.LAST_MODIFIED, page.lastModified().toEpochMilli());
		response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
		response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
		if (notModified(page, request)) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(page.contentType());
		if (page.contentLanguage() != null) {
			response.setHeader(HttpHeaders.CONTENT_LANGUAGE, page.contentLanguage());
		}
		response.setContentLength(page.body().length);
		if ("GET".equals(request.getMethod())) {
			response.getOutputStream().write(page.body());
		}
	}

	/** If-None-Match decides when present (weak comparison); If-Modified-Since else. */
	private static boolean notModified(CachedPage page, HttpServletRequest request) {
		String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
		if (ifNoneMatch != null) {
			String tag = opaque(page.etag());
			for (String candidate : ifNoneMatch.split(",")) {
				String trimmed = candidate.trim();
				if ("*".equals(trimmed) || opaque(trimmed).equals(tag)) {
					return true;
				}
			}
			return false;
		}
		try {
			long since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
			return since >= 0 && page.lastModified().toEpochMilli() <= since;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String opaque(String tag) {
		return tag.startsWith("W/") ? tag.substring(2) : tag;
	}

	private static String digest(byte[] body) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
			return HexFormat.of().formatHex(hash, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param key what the page's bytes depend on in the database
	 * @param stamp the curriculum's stamp, for pages of one curriculum
	 */
	private record Versions(Object key, CurriculumStamp stamp, Instant lastModified) {

	}

}
