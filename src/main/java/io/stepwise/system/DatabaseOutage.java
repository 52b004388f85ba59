package io.stepwise.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * What a request gets while the database cannot be reached: a 503 with Retry-After, as a
 * static page for people and a problem detail for the API. Nothing of it needs the
 * database, a session, a CSRF token or the template engine, so it can always be written.
 */
@Component
class DatabaseOutage {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

	/** The page's own rules: it has no scripts, styles or forms. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
			+ "form-action 'none'";

	static final String DETAIL = "The database is unavailable for a moment. A write either was stored in full or not at "
			+ "all; retrying it is safe.";

	private static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");

	private final byte[] page = page();

	private final byte[] problem;

	private final String retryAfter;

	DatabaseOutage(Settings settings) {
		this.retryAfter = Long.toString(Math.max(1, settings.retryAfter().toSeconds()));
		// Constant text only, so nothing needs escaping.
		this.problem = ("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\""
				+ DETAIL + "\"}")
			.getBytes(StandardCharsets.UTF_8);
	}

	String retryAfter() {
		return this.retryAfter;
	}

	/**
	 * Replaces whatever the response held with the 503, unless part of it was sent.
	 * @return whether the 503 was written
	 */
	boolean respond(HttpServletRequest request, HttpServletResponse response, Throwable failure) throws IOException {
		log(failure);
		if (response.isCommitted()) {
			return false;
		}
		response.reset();
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, this.retryAfter);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		response.setHeader("Referrer-Policy", "same-origin");
		boolean api = API.matches(request);
		response.setContentType(
				api ? MediaType.APPLICATION_PROBLEM_JSON_VALUE : MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
		byte[] body = api ? this.problem : this.page;
		response.setContentLength(body.length);
		// Not flushed: a session store wrapping the response saves the session on a
		// flush, which fails too; the outage filter outside it writes the answer again.
		response.getOutputStream().write(body);
		return true;
	}

	void log(Throwable failure) {
		// No stack trace: the cause is known, and an outage would fill the log with them.
		log.warn("Database unavailable, answering 503: {}", rootCause(failure));
	}

	private static String rootCause(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getName() + ": " + root.getMessage();
	}

	private static byte[] page() {
		try (InputStream in = new ClassPathResource("system/unavailable.html").getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The outage page system/unavailable.html is missing", ex);
		}
	}

	/**
	 * @param retryAfter how long clients are told to wait before trying again
	 */
	@ConfigurationProperties("stepwise.outage")
	record Settings(@DefaultValue("30s") Duration retryAfter) {
	}

}
