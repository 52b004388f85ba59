package io.stepwise.system;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where the portal is reached from outside ({@code STEPWISE_PUBLIC_URL}). Links that
 * leave the page, such as those in the sitemap or a calendar feed, are built from it and
 * never from the Host header, which the client chooses.
 *
 * @param publicUrl the scheme, host, port and any path prefix, without a trailing slash
 */
@ConfigurationProperties("stepwise.site")
public record PublicSite(@DefaultValue("http://localhost:8080") URI publicUrl) {

	public PublicSite {
		String scheme = publicUrl.getScheme();
		if (!"http".equals(scheme) && !"https".equals(scheme) || publicUrl.getHost() == null) {
			throw new IllegalArgumentException("stepwise.site.public-url must be an http(s) URL, not " + publicUrl);
		}
		if (publicUrl.getQuery() != null || publicUrl.getFragment() != null) {
			throw new IllegalArgumentException("stepwise.site.public-url takes no query or fragment: " + publicUrl);
		}
	}

	/**
	 * @param path a path of the portal starting with a slash, such as
	 * {@code /curricula/x}
	 * @return the absolute URL of that path
	 */
	public String urlOf(String path) {
		if (!path.startsWith("/")) {
			throw new IllegalArgumentException("Not an absolute path: " + path);
		}
		String base = this.publicUrl.toString().replaceAll("/+$", "");
		return UriComponentsBuilder.fromUriString(base + path).build().toUriString();
	}

}
