package io.stepwise.system;

import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells crawlers to read the curricula and the home page and to stay out of what needs a
 * login or has nothing to find: logins and sign-ups would only cost sessions, and the API
 * and feeds repeat the pages.
 */
@RestController
class RobotsController {

	static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

	private static final String RULES = """
			User-agent: *
			Allow: /$
			Allow: /curricula/
			Disallow: /curricula/*/enrollment
			Disallow: /curricula/*/items/
			Disallow: /account
			Disallow: /admin
			Disallow: /mentor
			Disallow: /dashboard
			Disallow: /login
			Disallow: /logout
			Disallow: /signup
			Disallow: /join/
			Disallow: /calendar
			Disallow: /api/
			Disallow: /v3/api-docs
			Disallow: /swagger-ui
			Disallow: /actuator/
			""";

	private final String body;

	RobotsController(PublicSite site) {
		this.body = RULES + "\nSitemap: " + site.urlOf("/sitemap.xml") + "\n";
	}

	@GetMapping("/robots.txt")
	ResponseEntity<String> robots() {
		return ResponseEntity.ok().contentType(TEXT).body(this.body);
	}

}
