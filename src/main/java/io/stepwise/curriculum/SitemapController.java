package io.stepwise.curriculum;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.stepwise.system.PublicSite;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public pages for search engines (sitemaps.org): the home page, each curriculum's
 * overview and its weeks, with absolute URLs from the configured public address, never
 * from the Host header of the request.
 */
@RestController
class SitemapController {

	private final CurriculumRepository repository;

	private final PublicSite site;

	SitemapController(CurriculumRepository repository, PublicSite site) {
		this.repository = repository;
		this.site = site;
	}

	static final MediaType XML = new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8);

	@GetMapping("/sitemap.xml")
	ResponseEntity<String> sitemap() {
		List<SitemapEntry> entries = this.repository.findSitemapEntries();
		StringBuilder xml = new StringBuilder(256 + entries.size() * 160);
		xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		xml.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
		url(xml, "/", null);
		String previous = null;
		for (SitemapEntry entry : entries) {
			String overview = "/curricula/" + entry.slug();
			if (!entry.slug().equals(previous)) {
				url(xml, overview, entry.updatedAt());
				previous = entry.slug();
			}
			if (entry.week() != null) {
				url(xml, overview + "/weeks/" + entry.week(), entry.updatedAt());
			}
		}
		xml.append("</urlset>\n");
		return ResponseEntity.ok().contentType(XML).body(xml.toString());
	}

	private void url(StringBuilder xml, String path, Instant lastModified) {
		xml.append("  <url><loc>").append(escape(this.site.urlOf(path))).append("</loc>");
		if (lastModified != null) {
			xml.append("<lastmod>").append(lastModified.truncatedTo(ChronoUnit.SECONDS)).append("</lastmod>");
		}
		xml.append("</url>\n");
	}

	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&apos;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
