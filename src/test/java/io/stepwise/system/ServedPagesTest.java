package io.stepwise.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser gets from the real server: cookie attributes and error pages are written
 * by the servlet container, which MockMvc does not run.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ServedPagesTest {

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	int port;

	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
		HttpResponse<String> response = get("/login", "text/html");

		List<String> cookies = response.headers().allValues("Set-Cookie");
		assertThat(cookies).filteredOn((cookie) -> cookie.startsWith("SESSION="))
			.singleElement()
			.satisfies((cookie) -> {
				assertThat(cookie).containsIgnoringCase("; HttpOnly");
				assertThat(cookie).containsIgnoringCase("; SameSite=Lax");
				// Plain HTTP here: Secure only over HTTPS (SecureCookieTest).
				assertThat(cookie).doesNotContainIgnoringCase("Secure");
			});
	}

	@Test
	void aMissingCurriculumShowsTheFriendlyNotFoundPage() throws Exception {
		HttpResponse<String> response = get("/curricula/no-such-curriculum", "text/html");

		assertThat(response.statusCode()).isEqualTo(404);
		Document page = Jsoup.parse(response.body());
		assertThat(page.select("h1").text()).isEqualTo("We could not find that page");
		// An anonymous visitor gets no session, not even from an error page.
		assertThat(page.select("meta[name=_csrf]")).isEmpty();
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
		assertLeaksNothing(response);
	}

	@Test
	void aWrongMethodShowsTheGenericErrorPageWithoutInternals() throws Exception {
		// Check-offs are POST only; a GET ends in the container's error handling.
		HttpResponse<String> response = get("/curricula/django-24-week-syllabus/items/1", "text/html");

		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("Something went wrong");
		assertThat(response.body()).doesNotContain("Request method").doesNotContain("not supported");
		assertLeaksNothing(response);
	}

	@Test
	void errorsAskedForAsJsonCarryNoInternals() throws Exception {
		HttpResponse<String> response = get("/curricula/django-24-week-syllabus/items/1", "application/json");

		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.body()).contains("\"status\":405")
			.doesNotContain("\"message\"")
			.doesNotContain("\"exception\"")
			.doesNotContain("\"errors\"");
		assertLeaksNothing(response);
	}

	@Test
	void apiErrorsAreProblemDetailsWithoutInternals() throws Exception {
		HttpResponse<String> response = get("/api/v1/curricula/no-such-curriculum", "application/json");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertLeaksNothing(response);
	}

	private HttpResponse<String> get(String path, String accept) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", accept)
			.GET()
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static void assertLeaksNothing(HttpResponse<String> response) {
		assertThat(response.body()).doesNotContain("Exception")
			.doesNotContain("at io.stepwise")
			.doesNotContain("at org.springframework")
			.doesNotContain("\"trace\"")
			.doesNotContain("Whitelabel")
			.doesNotContain("Apache Tomcat");
	}

}
