package io.stepwise.curriculum;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.stepwise.system.PlainText;

/**
 * The one rule for links that leave the portal: absolute http or https URLs with a host,
 * no longer than {@link ContentLimits#URL}. Checked when content is stored and again when
 * it is shown, because a template's {@code th:href} happily renders a {@code javascript:}
 * URL.
 */
public final class WebLinks {

	private WebLinks() {
	}

	public static boolean isHttp(String url) {
		if (url == null || url.isEmpty() || url.length() > ContentLimits.URL || hasControlOrSpace(url)) {
			return false;
		}
		try {
			URI uri = new URI(url);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/** Returns the URL when it may be linked to, {@code null} otherwise. */
	public static String safeOrNull(String url) {
		return isHttp(url) ? url : null;
	}

	/**
	 * Returns the URL to store, with its scheme in lower case as the database's check
	 * expects; {@code null} stays {@code null}.
	 * @throws IllegalArgumentException if the URL may not be linked to
	 */
	public static String requireHttp(String url) {
		if (url == null) {
			return null;
		}
		if (!isHttp(url)) {
			throw new IllegalArgumentException("Only http and https links are allowed: " + url);
		}
		int colon = url.indexOf(':');
		return url.substring(0, colon).toLowerCase(Locale.ROOT) + url.substring(colon);
	}

	// Besides spaces, the rule of every single-line text: java.net.URI takes a
	// text-direction override as an "other" character.
	private static boolean hasControlOrSpace(String url) {
		return url.chars().anyMatch((c) -> c <= 0x20 || c == 0x7f) || !PlainText.Validator.isClean(url, false);
	}

}
