package io.stepwise.system;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.cohort.CohortFixtures;
import io.stepwise.support.Authenticator;
import io.stepwise.support.BundledDocuments;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Request bodies above their limit are a 413 (the friendly page for pages, a problem
 * detail for the API), with or without a Content-Length; multipart bodies are read only
 * where a file is uploaded, and a broken one is a 400. Nothing is stored by any of them.
 * Chunked bodies and broken multipart go through a real Tomcat, which reads forms and
 * multipart itself.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(CohortFixtures.class)
class RequestLimitsTest {

	private static final String CURRICULUM = CohortFixtures.SYLLABUS;

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	CohortFixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aJsonBodyAboveTheLimitIsAProblemDetail() throws Exception {
		AccountUser learner = this.fixtures.learner();
		this.mvc
			.perform(post("/api/v1/curricula/{slug}/enrollment", CURRICULUM).contentType(MediaType.APPLICATION_JSON)
				.content(paddedEnrollment(65 * 1024))
				.with(user(learner))
				.with(csrf()))
			.andExpect(status().isContentTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(413));
		assertThat(enrollments(learner)).isZero();
		// the same just within the limit is taken
		this.mvc
			.perform(post("/api/v1/curricula/{slug}/enrollment", CURRICULUM).contentType(MediaType.APPLICATION_JSON)
				.content(paddedEnrollment(60 * 1024))
				.with(user(learner))
				.with(csrf()))
			.andExpect(status().isCreated());
	}

	@Test
	void aFormAboveTheLimitGetsTheErrorPage() throws Exception {
		AccountUser learner = this.fixtures.learner();
		this.mvc
			.perform(post("/account/profile").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("timeZone=UTC&displayName=" + "x".repeat(70 * 1024))
				.with(user(learner))
				.with(csrf()))
			.andExpect(status().isContentTooLarge())
			.andExpect((result) -> assertThat(result.getResponse().getContentType()).as("the error page, not a problem")
				.isNull());
		assertThat(displayName(learner)).isEqualTo(learner.getDisplayName());
	}

	@Test
	void aChunkedJsonBodyAboveTheLimitIsRefusedWhileItIsRead() throws Exception {
		Session session = Session.logIn(this.port, this.fixtures.learner());
		HttpResponse<String> response = session.send(HttpRequest
			.newBuilder(session.uri("/api/v1/curricula/" + CURRICULUM + "/enrollment"))
			.header("Content-Type", "application/json")
			.header("X-CSRF-TOKEN", session.csrf)
			// from a stream: sent chunked, without a Content-Length
			.POST(HttpRequest.BodyPublishers.ofInputStream(
					() -> new ByteArrayInputStream(paddedEnrollment(200 * 1024).getBytes(StandardCharsets.UTF_8)))));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(enrollments(session.user)).isZero();
	}

	@Test
	void aChunkedFormAboveTheContainersLimitGetsTheErrorPage() throws Exception {
		Session session = Session.logIn(this.port, this.fixtures.learner());
		String form = "timeZone=UTC&_csrf=" + URLEncoder.encode(session.csrf, StandardCharsets.UTF_8) + "&displayName="
				+ "x".repeat(300 * 1024);
		HttpResponse<String> response = session.send(HttpRequest.newBuilder(session.uri("/account/profile"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers
				.ofInputStream(() -> new ByteArrayInputStream(form.getBytes(StandardCharsets.UTF_8)))));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("The request is too large");
		assertThat(displayName(session.user)).isEqualTo(session.user.getDisplayName());
	}

	@Test
	void multipartBodiesAreRefusedWhereNothingIsUploaded() throws Exception {
		AccountUser admin = this.fixtures.admin();
		this.mvc
			.perform(multipart("/account/profile").param("displayName", "Multipart Name")
				.param("timeZone", "UTC")
				.with(user(admin))
				.with(csrf()))
			.andExpect(status().isUnsupportedMediaType());
		this.mvc
			.perform(multipart("/api/v1/cohorts")
				.file(new MockMultipartFile("name", "x".getBytes(StandardCharsets.UTF_8)))
				.with(user(admin))
				.with(csrf()))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(displayName(admin)).isEqualTo(admin.getDisplayName());
	}

	@Test
	void theImportFormsMultipartUploadPassesTheCsrfCheckWithTheTokenInTheBody() throws Exception {
		AccountUser admin = this.fixtures.admin();
		this.mvc.perform(multipart("/admin/curricula/import")
			.file(new MockMultipartFile("file", "doc.md", "text/markdown",
					BundledDocuments.source(BundledDocuments.ROADMAP)))
			.param("slug", "limits-" + UUID.randomUUID().toString().substring(0, 8))
			.with(user(admin))
			.with(csrf())).andExpect(status().isFound());
	}

	@Test
	void aBrokenMultipartBodyIsABadRequest() throws Exception {
		Session session = Session.logIn(this.port, this.fixtures.admin());
		int before = this.jdbc.queryForObject("select count(*) from curriculum_import", Integer.class);
		String boundary = "----stepwise" + UUID.randomUUID();
		String[] broken = {
				"--" + boundary
						+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.md\"\r\n\r\n# cut off",
				"--" + boundary + "\r\nno headers end here" };
		for (String body : broken) {
			for (boolean header : new boolean[] { true, false }) {
				HttpResponse<String> response = session.send(brokenUpload(session, boundary, body, header));
				// the friendly error page, whether or not the token could be read first
				assertThat(response.statusCode()).as(body + (header ? " with header" : "")).isEqualTo(400);
				assertThat(Jsoup.parse(response.body()).select("main h1")).as(response.body()).hasSize(1);
			}
		}
		// no parts at all: the form's own answer that no file came
		assertThat(session.send(brokenUpload(session, boundary, "not multipart at all", true)).statusCode())
			.isEqualTo(422);
		assertThat(this.jdbc.queryForObject("select count(*) from curriculum_import", Integer.class)).isEqualTo(before);
	}

	private static HttpRequest.Builder brokenUpload(Session session, String boundary, String body, boolean header) {
		HttpRequest.Builder request = HttpRequest.newBuilder(session.uri("/admin/curricula/import"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (header) {
			request.header("X-CSRF-TOKEN", session.csrf);
		}
		return request;
	}

	private static String paddedEnrollment(int size) {
		String json = "{\"startDate\":\"" + LocalDate.now() + "\"}";
		return json.substring(0, json.length() - 1) + " ".repeat(size - json.length()) + "}";
	}

	private int enrollments(AccountUser learner) {
		return this.jdbc.queryForObject("select count(*) from enrollment where learner_id = ?", Integer.class,
				learner.id());
	}

	private String displayName(AccountUser user) {
		return this.jdbc.queryForObject("select display_name from app_user where id = ?", String.class, user.id());
	}

	/** A logged-in browser session on the real server, with its CSRF token. */
	private static final class Session {

		final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		final int port;

		final AccountUser user;

		String csrf;

		private Session(int port, AccountUser user) {
			this.port = port;
			this.user = user;
		}

		static Session logIn(int port, AccountUser user) throws Exception {
			Session session = new Session(port, user);
			String token = Jsoup.parse(session.send(HttpRequest.newBuilder(session.uri("/login")).GET()).body())
				.select("input[name=_csrf]")
				.attr("value");
			String form = "username=" + URLEncoder.encode(user.getUsername(), StandardCharsets.UTF_8) + "&password="
					+ URLEncoder.encode(TestAccounts.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
					+ URLEncoder.encode(token, StandardCharsets.UTF_8);
			HttpResponse<String> login = session.send(HttpRequest.newBuilder(session.uri("/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)));
			assertThat(login.statusCode()).isEqualTo(302);
			if (login.headers().firstValue("Location").orElse("").endsWith("/login/two-factor")) {
				session.setUpSecondFactor();
			}
			session.csrf = Jsoup.parse(session.send(HttpRequest.newBuilder(session.uri("/account")).GET()).body())
				.select("meta[name=_csrf]")
				.attr("content");
			assertThat(session.csrf).isNotBlank();
			return session;
		}

		/** An admin's first login sets up the second factor, as a browser would. */
		private void setUpSecondFactor() throws Exception {
			String token = Jsoup.parse(send(HttpRequest.newBuilder(uri("/account/two-factor")).GET()).body())
				.select("meta[name=_csrf]")
				.attr("content");
			assertThat(postForm("/account/two-factor/secret", "_csrf=" + encode(token)).statusCode()).isEqualTo(302);
			Document setUp = Jsoup.parse(send(HttpRequest.newBuilder(uri("/account/two-factor")).GET()).body());
			String code = new Authenticator(setUp.select("#two-factor-secret").text()).codeAt(Instant.now());
			HttpResponse<String> confirmed = postForm("/account/two-factor/confirm",
					"code=" + code + "&_csrf=" + encode(setUp.select("meta[name=_csrf]").attr("content")));
			assertThat(Jsoup.parse(confirmed.body()).select("#recovery-codes li")).hasSize(10);
		}

		private HttpResponse<String> postForm(String path, String form) throws Exception {
			return send(HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)));
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

		HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

		URI uri(String path) {
			return URI.create("http://localhost:" + this.port + path);
		}

	}

}
