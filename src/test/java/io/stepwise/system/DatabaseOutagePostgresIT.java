package io.stepwise.system;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.support.PostgresDatabase;
import io.stepwise.support.PostgresTest;
import io.stepwise.support.TcpProxy;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away under a running portal and comes back: the portal runs on
 * PostgreSQL through a TCP proxy that the test cuts (the shared server itself is never
 * stopped). While it is gone, pages answer the static 503 page and the API a 503 problem
 * detail, both with Retry-After and within a few seconds, and readiness is DOWN while
 * liveness stays UP; once it is back, everything answers again without a restart. Writes
 * cut off on their way are stored in full or not at all, and repeating them afterwards
 * leaves exactly one record.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "postgres", "test" })
@PostgresTest
@Import(TestAccounts.class)
@DirtiesContext
class DatabaseOutagePostgresIT {

	static final String SYLLABUS = "django-24-week-syllabus";

	/** How long an answer may take while the database is gone: the pool waits 2 s. */
	static final Duration OUTAGE_ANSWER = Duration.ofSeconds(5);

	static final Duration RECOVERY = Duration.ofSeconds(30);

	static final PostgresDatabase.Server SERVER = PostgresDatabase.server();

	static TcpProxy proxy;

	@DynamicPropertySource
	static void throughTheProxy(DynamicPropertyRegistry registry) throws IOException {
		InetSocketAddress address = SERVER.address();
		proxy = TcpProxy.to(address.getHostString(), address.getPort());
		registry.add("spring.datasource.url", () -> SERVER.urlAt("127.0.0.1", proxy.port()));
		registry.add("spring.datasource.username", SERVER::username);
		registry.add("spring.datasource.password", SERVER::password);
		// Statements always travel as text, so the proxy can see them: the driver would
		// otherwise send a statement it ran five times by a server-side name.
		registry.add("spring.datasource.hikari.data-source-properties.prepareThreshold", () -> "0");
	}

	@AfterAll
	static void closeProxy() {
		proxy.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	Visitor visitor;

	@BeforeEach
	void setUp() {
		this.visitor = new Visitor(this.port);
	}

	@AfterEach
	void restoreTheDatabase() throws Exception {
		proxy.restore();
		awaitReady();
	}

	@Test
	void anOutageIsA503WithRetryAfterAndTheReadinessProbeDownUntilTheDatabaseIsBack() throws Exception {
		AccountUser learner = this.accounts.learner();
		this.visitor.logIn(learner.getUsername());
		assertThat(this.visitor.get("/dashboard").statusCode()).isEqualTo(200);
		assertThat(this.visitor.get("/actuator/health/readiness").statusCode()).isEqualTo(200);

		proxy.cut();

		Timed<HttpResponse<String>> page = timed(() -> this.visitor.get("/dashboard"));
		assertThat(page.took()).isLessThan(OUTAGE_ANSWER);
		assertUnavailablePage(page.result());

		Timed<HttpResponse<String>> anonymous = timed(() -> new Visitor(this.port).get("/curricula/" + SYLLABUS));
		assertThat(anonymous.took()).isLessThan(OUTAGE_ANSWER);
		assertUnavailablePage(anonymous.result());

		Timed<HttpResponse<String>> api = timed(() -> this.visitor.get("/api/v1/me/progress/" + SYLLABUS));
		assertThat(api.took()).isLessThan(OUTAGE_ANSWER);
		assertUnavailableProblem(api.result());

		Timed<HttpResponse<String>> readiness = timed(() -> new Visitor(this.port).get("/actuator/health/readiness"));
		assertThat(readiness.took()).isLessThan(OUTAGE_ANSWER);
		assertThat(readiness.result().statusCode()).isEqualTo(503);
		assertThat(readiness.result().body()).contains("\"DOWN\"");
		// Probes carry no session cookie, so they reach the health endpoint itself.
		assertThat(new Visitor(this.port).get("/readyz").statusCode()).isEqualTo(503);
		HttpResponse<String> liveness = new Visitor(this.port).get("/actuator/health/liveness");
		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(liveness.body()).contains("\"UP\"");
		assertThat(new Visitor(this.port).get("/livez").statusCode()).isEqualTo(200);

		proxy.restore();
		awaitReady();

		assertThat(this.visitor.get("/dashboard").statusCode()).isEqualTo(200);
		assertThat(new Visitor(this.port).get("/curricula/" + SYLLABUS).statusCode()).isEqualTo(200);
		assertThat(this.visitor.get("/api/v1/me/progress/" + SYLLABUS).statusCode()).isEqualTo(404);
	}

	@Test
	void aCheckOffCutOffBeforeTheDatabaseSawItIsNotStoredAndItsRetryStoresItOnce() throws Exception {
		AccountUser learner = this.accounts.learner();
		this.visitor.logIn(learner.getUsername());
		long item = enrolledItem(0);

		CountDownLatch cut = proxy.cutBefore("insert into check_off");
		Timed<HttpResponse<String>> write = timed(() -> this.visitor.checkOff(SYLLABUS, item));
		assertThat(cut.await(0, TimeUnit.SECONDS)).as("the proxy cut the insert").isTrue();
		assertThat(write.took()).isLessThan(OUTAGE_ANSWER);
		assertUnavailableProblem(write.result());

		proxy.restore();
		awaitReady();
		assertThat(stored(learner, item)).isEqualTo(new Stored(0, 0));

		assertThat(this.visitor.checkOff(SYLLABUS, item).statusCode()).isEqualTo(200);
		assertThat(stored(learner, item)).isEqualTo(new Stored(1, 1));
		assertThat(this.visitor.checkOff(SYLLABUS, item).statusCode()).isEqualTo(200);
		assertThat(stored(learner, item)).isEqualTo(new Stored(1, 1));
	}

	@Test
	void aCheckOffWhoseCommitAnswerWasLostIsStoredInFullAndItsRetryChangesNothing() throws Exception {
		AccountUser learner = this.accounts.learner();
		this.visitor.logIn(learner.getUsername());
		long item = enrolledItem(1);

		CountDownLatch cut = proxy.cutAfterCommitFollowing("insert into check_off");
		Timed<HttpResponse<String>> write = timed(() -> this.visitor.checkOff(SYLLABUS, item));
		assertThat(cut.await(0, TimeUnit.SECONDS)).as("the proxy lost the commit's answer").isTrue();
		assertThat(write.took()).isLessThan(OUTAGE_ANSWER);
		assertUnavailableProblem(write.result());

		proxy.restore();
		awaitReady();
		// The check-off and its history event, together.
		assertThat(stored(learner, item)).isEqualTo(new Stored(1, 1));

		HttpResponse<String> retry = this.visitor.checkOff(SYLLABUS, item);
		assertThat(retry.statusCode()).isEqualTo(200);
		assertThat((Boolean) JsonPath.read(retry.body(), "$.done")).isTrue();
		assertThat(stored(learner, item)).isEqualTo(new Stored(1, 1));
	}

	@Test
	void evidenceWhoseCommitAnswerWasLostIsOneRecordAfterItsRetry() throws Exception {
		AccountUser learner = this.accounts.learner();
		this.visitor.logIn(learner.getUsername());
		enrolledItem(0);
		long task = taskOfWeekOne();
		String path = "/curricula/" + SYLLABUS + "/items/" + task + "/evidence";
		Map<String, String> form = Map.of("url", "https://example.org/outage-project", "note", "Sent during an outage",
				"_csrf", this.visitor.csrfToken());

		CountDownLatch cut = proxy.cutAfterCommitFollowing("insert into evidence");
		Timed<HttpResponse<String>> submit = timed(() -> this.visitor.post(path, form));
		assertThat(cut.await(0, TimeUnit.SECONDS)).as("the proxy lost the commit's answer").isTrue();
		assertThat(submit.took()).isLessThan(OUTAGE_ANSWER);
		assertUnavailablePage(submit.result());

		proxy.restore();
		awaitReady();
		assertThat(evidenceRows(learner, task)).isOne();

		assertThat(this.visitor.post(path, form).statusCode()).isEqualTo(302);
		assertThat(evidenceRows(learner, task)).isOne();
	}

	@Test
	void aSignupDuringTheOutageStoresNothingAndItsRetryMakesOneAccount() throws Exception {
		String name = "outage-" + UUID.randomUUID().toString().substring(0, 8);
		String token = this.visitor.csrfTokenOf("/signup");
		Map<String, String> form = Map.of("username", name, "email", name + "@example.org", "displayName", "Outage",
				"password", TestAccounts.PASSWORD, "timeZone", "UTC", "_csrf", token);

		proxy.cut();
		Timed<HttpResponse<String>> signup = timed(() -> this.visitor.post("/signup", form));
		assertThat(signup.took()).isLessThan(OUTAGE_ANSWER);
		assertUnavailablePage(signup.result());

		proxy.restore();
		awaitReady();
		assertThat(accountsNamed(name)).isZero();

		HttpResponse<String> retry = this.visitor.post("/signup", form);
		assertThat(retry.statusCode()).isEqualTo(302);
		assertThat(retry.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/dashboard"));
		assertThat(accountsNamed(name)).isOne();
	}

	/** Enrolls the logged-in learner in the syllabus and answers an item of week 1. */
	long enrolledItem(int index) throws Exception {
		assertThat(this.visitor.send("POST", "/api/v1/curricula/" + SYLLABUS + "/enrollment", "").statusCode())
			.isEqualTo(201);
		HttpResponse<String> progress = this.visitor.get("/api/v1/me/progress/" + SYLLABUS);
		List<Number> items = JsonPath.read(progress.body(), "$.weeks[0].items[*].id");
		return items.get(index).longValue();
	}

	long taskOfWeekOne() throws Exception {
		HttpResponse<String> progress = this.visitor.get("/api/v1/me/progress/" + SYLLABUS);
		List<Number> tasks = JsonPath.read(progress.body(), "$.weeks[0].items[?(@.kind == 'task')].id");
		return tasks.get(0).longValue();
	}

	static void assertUnavailablePage(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		Document page = Jsoup.parse(response.body());
		assertThat(page.select("h1").text()).isEqualTo("Stepwise is unavailable for a moment");
		assertThat(response.body()).doesNotContain("Exception", "at io.", "SQL", "_csrf");
	}

	static void assertUnavailableProblem(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat((Integer) JsonPath.read(response.body(), "$.status")).isEqualTo(503);
		assertThat((String) JsonPath.read(response.body(), "$.detail")).contains("retrying it is safe");
		assertThat(response.body()).doesNotContain("Exception", "SQL");
	}

	void awaitReady() throws Exception {
		long deadline = System.nanoTime() + RECOVERY.toNanos();
		Visitor probe = new Visitor(this.port);
		while (probe.get("/actuator/health/readiness").statusCode() != 200) {
			assertThat(System.nanoTime()).as("ready again within %s", RECOVERY).isLessThan(deadline);
			Thread.onSpinWait();
		}
	}

	/** Counts on the server itself, past the proxy and the portal. */
	Stored stored(AccountUser learner, long item) throws SQLException {
		String enrollment = "(select id from enrollment where learner_id = ? and curriculum_id = "
				+ "(select id from curriculum where slug = ?))";
		return new Stored(
				count("select count(*) from check_off where enrollment_id = " + enrollment + " and item_id = ?",
						learner.id(), SYLLABUS, item),
				count("select count(*) from progress_event where enrollment_id = " + enrollment
						+ " and type = 'CHECKED' and item_id = ?", learner.id(), SYLLABUS, item));
	}

	int evidenceRows(AccountUser learner, long task) throws SQLException {
		return count("select count(*) from evidence e join enrollment n on n.id = e.enrollment_id "
				+ "where n.learner_id = ? and e.item_id = ?", learner.id(), task);
	}

	int accountsNamed(String username) throws SQLException {
		return count("select count(*) from app_user where username = ?", username);
	}

	static int count(String sql, Object... parameters) throws SQLException {
		try (Connection connection = DriverManager.getConnection(SERVER.url(), SERVER.username(), SERVER.password());
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getInt(1);
			}
		}
	}

	static <T> Timed<T> timed(Call<T> call) throws Exception {
		long start = System.nanoTime();
		T result = call.call();
		return new Timed<>(result, Duration.ofNanos(System.nanoTime() - start));
	}

	/** A check-off row and its CHECKED event, as the server holds them. */
	record Stored(int checkOffs, int checkedEvents) {
	}

	record Timed<T>(T result, Duration took) {
	}

	interface Call<T> {

		T call() throws Exception;

	}

	/** A browser's side of the conversation: cookies, the CSRF token, no redirects. */
	static final class Visitor {

		private final String base;

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		private String csrfHeader;

		private String csrfToken;

		Visitor(int port) {
			this.base = "http://127.0.0.1:" + port;
		}

		void logIn(String username) throws Exception {
			String token = csrfTokenOf("/login");
			HttpResponse<String> login = post("/login",
					Map.of("username", username, "password", TestAccounts.PASSWORD, "_csrf", token));
			assertThat(login.headers().firstValue("Location"))
				.hasValueSatisfying((to) -> assertThat(to).endsWith("/dashboard"));
			Document dashboard = Jsoup.parse(get("/dashboard").body());
			this.csrfHeader = dashboard.select("meta[name=_csrf_header]").attr("content");
			this.csrfToken = dashboard.select("meta[name=_csrf]").attr("content");
			assertThat(this.csrfToken).isNotEmpty();
		}

		String csrfToken() {
			return this.csrfToken;
		}

		String csrfTokenOf(String path) throws Exception {
			HttpResponse<String> page = get(path);
			assertThat(page.statusCode()).isEqualTo(200);
			String token = Jsoup.parse(page.body()).select("input[name=_csrf]").attr("value");
			assertThat(token).isNotEmpty();
			return token;
		}

		HttpResponse<String> get(String path) throws Exception {
			return this.client.send(request(path).GET().build(), BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
			String body = form.entrySet()
				.stream()
				.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
				.collect(Collectors.joining("&"));
			return this.client.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(BodyPublishers.ofString(body))
				.build(), BodyHandlers.ofString());
		}

		HttpResponse<String> checkOff(String slug, long item) throws Exception {
			return send("PUT", "/api/v1/me/progress/" + slug + "/items/" + item, "{\"done\": true}");
		}

		HttpResponse<String> send(String method, String path, String json) throws Exception {
			return this.client.send(request(path).header("Content-Type", "application/json")
				.header(this.csrfHeader, this.csrfToken)
				.method(method, BodyPublishers.ofString(json))
				.build(), BodyHandlers.ofString());
		}

		private HttpRequest.Builder request(String path) {
			return HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(30));
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

}
