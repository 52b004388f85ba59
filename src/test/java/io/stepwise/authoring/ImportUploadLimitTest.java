package io.stepwise.authoring;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.cohort.CohortFixtures;
import io.stepwise.support.Authenticator;
import io.stepwise.support.BundledDocuments;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads through a real server, where the servlet container reads the multipart body and
 * enforces its size limit: a file over 1 MiB gets the import page with the reason, not
 * the CSRF refusal or a 500, and a file within it reaches the preview.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(CohortFixtures.class)
class ImportUploadLimitTest {

	@LocalServerPort
	int port;

	@Autowired
	CohortFixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private String csrf;

	@BeforeEach
	void logInAsAdmin() throws Exception {
		AccountUser admin = this.fixtures.admin();
		String token = Jsoup.parse(get("/login").body()).select("input[name=_csrf]").attr("value");
		String form = "username=" + encode(admin.getUsername()) + "&password=" + encode(TestAccounts.PASSWORD)
				+ "&_csrf=" + encode(token);
		HttpResponse<String> login = this.http.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		// An admin's first login sets up the second factor, as a browser would.
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login/two-factor"));
		String setUpToken = Jsoup.parse(get("/account/two-factor").body()).select("meta[name=_csrf]").attr("content");
		assertThat(postForm("/account/two-factor/secret", "_csrf=" + encode(setUpToken)).statusCode()).isEqualTo(302);
		Document setUp = Jsoup.parse(get("/account/two-factor").body());
		String code = new Authenticator(setUp.select("#two-factor-secret").text()).codeAt(Instant.now());
		HttpResponse<String> confirmed = postForm("/account/two-factor/confirm",
				"code=" + code + "&_csrf=" + encode(setUp.select("meta[name=_csrf]").attr("content")));
		assertThat(Jsoup.parse(confirmed.body()).select("#recovery-codes li")).hasSize(10);
		HttpResponse<String> page = get("/admin/curricula/import");
		assertThat(page.statusCode()).isEqualTo(200);
		Document form2 = Jsoup.parse(page.body());
		this.csrf = form2.select("meta[name=_csrf]").attr("content");
		assertThat(form2.select("form[enctype=multipart/form-data]").attr("action"))
			.isEqualTo("/admin/curricula/import");
		assertThat(form2.select("form[enctype=multipart/form-data] input[type=hidden][name=_csrf]")).hasSize(1);
	}

	@Test
	void aFileOverTheLimitPostedByTheFormGetsThePageForFilesTooLarge() throws Exception {
		HttpResponse<String> response = upload(large(), true);
		assertThat(response.statusCode()).isEqualTo(413);
		Document page = Jsoup.parse(response.body());
		assertThat(page.select("h1").text()).isEqualTo("The file is too large");
		assertThat(page.select("main").text()).contains("larger than 1 MiB").contains("Nothing was stored");
		assertThat(page.select("main a[href=/admin/curricula/import]")).hasSize(1);
	}

	@Test
	void aFileOverTheLimitPostedByAScriptGetsTheImportPageWithTheReason() throws Exception {
		// with the token in a header, Spring reads the body and the advice answers
		HttpResponse<String> response = upload(large(), false);
		assertThat(response.statusCode()).isEqualTo(413);
		Document page = Jsoup.parse(response.body());
		assertThat(page.select(".alert-danger").text()).as(page.select("main").text()).contains("larger than 1 MiB");
		assertThat(page.select("form[enctype=multipart/form-data]")).hasSize(1);
	}

	@Test
	void aFileWithinTheLimitReachesThePreview() throws Exception {
		HttpResponse<String> response = upload(BundledDocuments.source(BundledDocuments.ROADMAP), true);
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).matches(".*/admin/curricula/import/\\d+"));
	}

	private static byte[] large() {
		byte[] large = new byte[MarkdownCurriculumParser.MAX_DOCUMENT_SIZE + 512 * 1024];
		Arrays.fill(large, (byte) 'a');
		return large;
	}

	@Test
	void aTokenInTheAddressIsRefusedAndNothingIsStored() throws Exception {
		int before = this.jdbc.queryForObject("select count(*) from curriculum_import", Integer.class);
		HttpResponse<String> response = upload(BundledDocuments.source(BundledDocuments.ROADMAP), false,
				"?_csrf=" + encode(this.csrf));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(this.jdbc.queryForObject("select count(*) from curriculum_import", Integer.class)).isEqualTo(before);
	}

	/**
	 * @param tokenInBody whether the CSRF token is sent as the form sends it, as a field
	 * after the file, or as scripts do, in a header
	 */
	private HttpResponse<String> upload(byte[] file, boolean tokenInBody) throws Exception {
		return upload(file, tokenInBody, null);
	}

	private HttpResponse<String> upload(byte[] file, boolean tokenInBody, String query) throws Exception {
		String boundary = "----stepwise" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"slug\"\r\n\r\n"
				+ ImportFixture.newSlug() + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"doc.md\"\r\n"
				+ "Content-Type: text/markdown\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		if (tokenInBody) {
			body.writeBytes(
					("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + this.csrf)
						.getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest
			.newBuilder(uri("/admin/curricula/import" + ((query != null) ? query : "")))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "text/html");
		if (!tokenInBody && query == null) {
			request.header("X-CSRF-TOKEN", this.csrf);
		}
		return this.http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> postForm(String path, String form) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
