package io.stepwise.curriculum;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

import io.stepwise.account.TestAccounts;
import io.stepwise.support.StatementCounting;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unknown curricula and weeks answer 404 with the portal's own page. Checked through a
 * real server, because the error page is rendered by the servlet container's error
 * dispatch, which MockMvc does not perform.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ StatementCounting.class, TestAccounts.class })
class NotFoundPageTest {

	/** What a browser sends; without text/html Spring Boot answers errors in JSON. */
	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	MessageSource messages;

	@ParameterizedTest
	@ValueSource(strings = { "/curricula/no-such-curriculum", "/curricula/DJANGO-24-WEEK-SYLLABUS",
			"/curricula/no-such-curriculum/weeks/1", "/curricula/django-24-week-syllabus/weeks/0",
			"/curricula/django-24-week-syllabus/weeks/25", "/curricula/django-12-month-roadmap/weeks/20",
			"/curricula/django-24-week-syllabus/weeks/99999999",
			"/curricula/django-24-week-syllabus/weeks/99999999999999999999",
			"/curricula/django-24-week-syllabus/weeks/abc", "/curricula/django-24-week-syllabus/weeks/-1",
			"/curricula/django-24-week-syllabus/weeks/1.5", "/curricula/django-24-week-syllabus/weeks/%3Cscript%3E" })
	void unknownCurriculumOrWeekIsTheFriendlyNotFoundPage(String path) throws Exception {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		Document page = Jsoup.parse(response.body());
		assertThat(page.select("h1").eachText())
			.containsExactly(this.messages.getMessage("error.404.title", null, Locale.ENGLISH));
		assertThat(page.select("main a[href=/]").eachText())
			.containsExactly(this.messages.getMessage("error.home", null, Locale.ENGLISH));
		assertThat(response.body()).doesNotContainIgnoringCase("exception")
			.doesNotContain("at io.stepwise", "at org.springframework", "Whitelabel", "trace", "<script>");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/curricula/no-such-curriculum", "/curricula/django-24-week-syllabus/weeks/25" })
	void notFoundPageLinksCarryNoSessionId(String path) throws Exception {
		// A session id in a URL leaks through the Referer header, browser history and
		// logs; the error dispatch must not rewrite links with one.
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).doesNotContainIgnoringCase("jsessionid");
	}

	private HttpResponse<String> get(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", BROWSER_ACCEPT)
			.GET()
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
