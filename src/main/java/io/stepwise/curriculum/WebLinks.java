package io.stepwise.curriculum;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The one rule for links that leave the portal: absolute http or https URLs with a host.
 * Checked when content is stored and again when it is shown, because a template's
 * {@code th:href} happily renders a {@code javascript:} URL.
 */
public final class WebLinks {

	private static final int MAX_LENGTH = 2000;

	private WebLinks() {
	}

	public static boolean isHttp(String url) {
		if (url == null || url.isEmpty() || url.length() > MAX_LENGTH || hasControlOrSpace(url)) {
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

	static String requireHttp(String url) {
		if (url != null && !isHttp(url)) {
			throw new IllegalArgumentException("Only http and https links are allowed: " + url);
		}
		return url;
	}

	private static boolean hasControlOrSpace(String url) {
		return url.chars().anyMatch((c) -> c <= 0x20 || c == 0x7f);
	}

}
