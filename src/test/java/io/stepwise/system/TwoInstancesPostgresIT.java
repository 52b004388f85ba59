package io.stepwise.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.stepwise.StepwiseApplication;
import io.stepwise.support.Authenticator;
import io.stepwise.support.PostgresDatabase;
import io.stepwise.support.PostgresTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the portal on one PostgreSQL, in one JVM, driven over real HTTP as a
 * load balancer would spread one browser's requests: sessions, their ending, the login
 * throttle and the migration are shared through the database alone. Both instances start
 * at once on an empty schema of their own, which is dropped at the end.
 */
@PostgresTest
class TwoInstancesPostgresIT {

	private static final String SCHEMA = "two_instances_" + UUID.randomUUID().toString().substring(0, 8);

	private static final String SYLLABUS = "/curricula/django-24-week-syllabus";

	private static final String PASSWORD = "a long and unusual test passphrase";

	/** What the test profile gives the first administrator. */
	private static final String ADMIN_PASSWORD = "correct-horse-battery-staple-for-tests";

	private static final int ACCOUNT_LIMIT = 3;

	private static PostgresDatabase.Server server;

	private static JdbcTemplate jdbc;

	private static final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private static String a;

	private static String b;

	@BeforeAll
	static void twoInstancesStartAtOnceOnAnEmptySchema() throws Exception {
		server = PostgresDatabase.server();
		jdbc = new JdbcTemplate(
				new DriverManagerDataSource(server.urlWithSchema(SCHEMA), server.username(), server.password()));
		jdbc.execute("create schema " + SCHEMA);
		CountDownLatch ready = new CountDownLatch(2);
		CompletableFuture<ConfigurableApplicationContext> first = CompletableFuture.supplyAsync(() -> start(ready));
		CompletableFuture<ConfigurableApplicationContext> second = CompletableFuture.supplyAsync(() -> start(ready));
		a = baseUrl(first.get(5, TimeUnit.MINUTES));
		b = baseUrl(second.get(5, TimeUnit.MINUTES));
	}

	private static ConfigurableApplicationContext start(CountDownLatch ready) {
		// Both threads go at the same moment, so both find the schema empty.
		ready.countDown();
		try {
			ready.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		ConfigurableApplicationContext context = new SpringApplicationBuilder(StepwiseApplication.class).run(
				"--spring.profiles.active=test", "--server.port=0", "--spring.main.banner-mode=off",
				"--spring.datasource.url=" + server.urlWithSchema(SCHEMA),
				"--spring.datasource.username=" + server.username(),
				"--spring.datasource.password=" + server.password(), "--spring.datasource.hikari.maximum-pool-size=5",
				"--spring.flyway.schemas=" + SCHEMA, "--spring.flyway.create-schemas=false",
				"--stepwise.login.account-limit=" + ACCOUNT_LIMIT);
		synchronized (contexts) {
			contexts.add(context);
		}
		return context;
	}

	private static String baseUrl(ConfigurableApplicationContext context) {
		return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
	}

	@AfterAll
	static void stopAndDropTheSchema() {
		synchronized (contexts) {
			contexts.forEach(ConfigurableApplicationContext::close);
		}
		if (jdbc != null) {
			jdbc.execute("drop schema if exists " + SCHEMA + " cascade");
		}
	}

	@Test
	void theEmptySchemaWasMigratedExactlyOnceAndBothInstancesServe() throws Exception {
		List<Map<String, Object>> history = jdbc
			.queryForList("select version, success from flyway_schema_history where version is not null");
		List<String> versions = history.stream().map((row) -> (String) row.get("version")).sorted().toList();
		assertThat(versions).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(migrationVersions());
		assertThat(history).allSatisfy((row) -> assertThat(row.get("success")).isEqualTo(true));
		for (String instance : List.of(a, b)) {
			HttpResponse<String> health = new Browser()
				.send(HttpRequest.newBuilder(URI.create(instance + "/actuator/health"))
					.header("Accept", "application/json"));
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(health.body()).contains("\"UP\"");
		}
	}

	@Test
	void aCheckOffMadeOnOneInstanceWithTheSessionFromTheOtherShowsOnBoth() throws Exception {
		Browser learner = new Browser();
		String username = learner.signUp(a);
		Document overview = learner.page(b, SYLLABUS);
		assertThat(learner.postForm(b, SYLLABUS + "/enrollment", Map.of("_csrf", metaToken(overview))).statusCode())
			.isEqualTo(302);

		Document week = learner.page(b, SYLLABUS + "/weeks/1");
		String checkOff = week.select("form[action*=/items/]").first().attr("action");
		String itemId = checkOff.substring(checkOff.lastIndexOf('/') + 1);
		assertThat(week.getElementById("toggle-" + itemId).attr("aria-checked")).isEqualTo("false");
		HttpResponse<String> checked = learner.postForm(b, checkOff, Map.of("done", "true", "_csrf", metaToken(week)));
		assertThat(checked.statusCode()).isEqualTo(302);

		Document onA = learner.page(a, SYLLABUS + "/weeks/1");
		assertThat(onA.getElementById("toggle-" + itemId).attr("aria-checked")).isEqualTo("true");
		assertThat(onA.select("header").text()).contains("Learner " + username);
		assertThat(sessionsOf(username)).isOne();
	}

	@Test
	void aPasswordChangeOnOneInstanceEndsTheOtherSessionOnTheOther() throws Exception {
		Browser here = new Browser();
		String username = here.signUp(a);
		Browser elsewhere = new Browser();
		elsewhere.logIn(b, username, PASSWORD);
		assertThat(elsewhere.get(b, "/dashboard").statusCode()).isEqualTo(200);
		String idBefore = here.cookie("SESSION");

		Document account = here.page(a, "/account");
		HttpResponse<String> changed = here.postForm(a, "/account/password", Map.of("currentPassword", PASSWORD,
				"newPassword", "copper kettles on a windowsill", "_csrf", metaToken(account)));
		assertThat(location(changed)).isEqualTo("/account");
		assertThat(here.cookie("SESSION")).isNotNull().isNotEqualTo(idBefore);

		assertThat(location(elsewhere.get(b, "/dashboard"))).isEqualTo("/login?expired");
		assertThat(location(elsewhere.get(a, "/dashboard"))).isEqualTo("/login");
		// The session that made the change goes on, on either instance.
		assertThat(here.get(b, "/dashboard").statusCode()).isEqualTo(200);
		assertThat(here.get(a, "/dashboard").statusCode()).isEqualTo(200);
		assertThat(sessionsOf(username)).isOne();
	}

	@Test
	void disablingAUserOnOneInstanceEndsTheirSessionOnTheOther() throws Exception {
		Browser learner = new Browser();
		String username = learner.signUp(b);
		assertThat(learner.get(b, "/dashboard").statusCode()).isEqualTo(200);
		Browser admin = new Browser();
		admin.logInSettingUpTheSecondFactor(a, "admin", ADMIN_PASSWORD);
		Document adminHome = admin.page(a, "/admin");

		HttpResponse<String> patched = admin
			.send(HttpRequest.newBuilder(URI.create(a + "/api/v1/admin/users/" + username))
				.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"enabled\": false}"))
				.header("Content-Type", "application/json")
				.header(adminHome.select("meta[name=_csrf_header]").attr("content"), metaToken(adminHome)));
		assertThat(patched.statusCode()).isEqualTo(200);

		assertThat(location(learner.get(b, "/dashboard"))).isEqualTo("/login?expired");
		assertThat(sessionsOf(username)).isZero();
		assertThat(location(new Browser().logIn(a, username, PASSWORD))).isEqualTo("/login?error");
	}

	@Test
	void failedLoginsOnOneInstanceCountOnTheOther() throws Exception {
		String username = new Browser().signUp(a);
		Browser attacker = new Browser();
		for (int attempt = 0; attempt < ACCOUNT_LIMIT; attempt++) {
			assertThat(location(attacker.logIn(a, username, "wrong " + attempt))).isEqualTo("/login?error");
		}

		HttpResponse<String> refused = new Browser().logIn(b, username, PASSWORD);

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
	}

	private static Set<String> migrationVersions() throws IOException {
		Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*__*.sql");
		assertThat(files).isNotEmpty();
		return Arrays.stream(files)
			.map((file) -> file.getFilename().substring(1, file.getFilename().indexOf("__")))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static int sessionsOf(String username) {
		return jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class,
				username);
	}

	private static String metaToken(Document page) {
		String token = page.select("meta[name=_csrf]").attr("content");
		assertThat(token).as("the page's CSRF token").isNotBlank();
		return token;
	}

	/** Where a redirect leads, as path and query. */
	private static String location(HttpResponse<String> response) {
		assertThat(response.statusCode()).as("a redirect").isEqualTo(302);
		URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
		return location.getRawPath() + ((location.getRawQuery() != null) ? "?" + location.getRawQuery() : "");
	}

	/**
	 * One browser: its cookies go to whichever instance it asks, as behind a load
	 * balancer, and the cookies an answer sets replace them.
	 */
	private static final class Browser {

		private final HttpClient http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();

		private final Map<String, String> cookies = new LinkedHashMap<>();

		HttpResponse<String> get(String instance, String path) throws Exception {
			return send(HttpRequest.newBuilder(URI.create(instance + path)).header("Accept", "text/html"));
		}

		Document page(String instance, String path) throws Exception {
			HttpResponse<String> response = get(instance, path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			return Jsoup.parse(response.body());
		}

		HttpResponse<String> postForm(String instance, String path, Map<String, String> fields) throws Exception {
			String body = fields.entrySet()
				.stream()
				.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
				.collect(Collectors.joining("&"));
			return send(HttpRequest.newBuilder(URI.create(instance + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
		}

		/** Signs a new learner up (which logs them in) and gives their username. */
		String signUp(String instance) throws Exception {
			String username = "learner-" + UUID.randomUUID().toString().substring(0, 13);
			Document form = page(instance, "/signup");
			HttpResponse<String> signedUp = postForm(instance, "/signup",
					Map.of("username", username, "email", username + "@example.org", "displayName",
							"Learner " + username, "password", PASSWORD, "timeZone", "UTC", "_csrf", formToken(form)));
			assertThat(location(signedUp)).isEqualTo("/dashboard");
			return username;
		}

		HttpResponse<String> logIn(String instance, String username, String password) throws Exception {
			Document form = page(instance, "/login");
			return postForm(instance, "/login",
					Map.of("username", username, "password", password, "_csrf", formToken(form)));
		}

		/**
		 * An admin's first login, which sets up the authenticator app before anything
		 * else.
		 */
		void logInSettingUpTheSecondFactor(String instance, String username, String password) throws Exception {
			assertThat(location(logIn(instance, username, password))).isEqualTo("/login/two-factor");
			Document start = page(instance, "/account/two-factor");
			assertThat(location(postForm(instance, "/account/two-factor/secret", Map.of("_csrf", metaToken(start)))))
				.isEqualTo("/account/two-factor");
			Document setUp = page(instance, "/account/two-factor");
			String code = new Authenticator(setUp.select("#two-factor-secret").text()).codeAt(Instant.now());
			HttpResponse<String> confirmed = postForm(instance, "/account/two-factor/confirm",
					Map.of("code", code, "_csrf", metaToken(setUp)));
			assertThat(Jsoup.parse(confirmed.body()).select("#recovery-codes li")).hasSize(10);
		}

		HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
			if (!this.cookies.isEmpty()) {
				request.header("Cookie",
						this.cookies.entrySet()
							.stream()
							.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
							.collect(Collectors.joining("; ")));
			}
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString());
			for (String set : response.headers().allValues("Set-Cookie")) {
				String pair = set.split(";", 2)[0];
				String name = pair.substring(0, pair.indexOf('='));
				if (set.toLowerCase().contains("max-age=0")) {
					this.cookies.remove(name);
				}
				else {
					this.cookies.put(name, pair.substring(pair.indexOf('=') + 1));
				}
			}
			return response;
		}

		String cookie(String name) {
			return this.cookies.get(name);
		}

		private static String metaToken(Document page) {
			String token = page.select("meta[name=_csrf]").attr("content");
			assertThat(token).as("the page's CSRF token").isNotBlank();
			return token;
		}

		private static String formToken(Document form) {
			String token = form.select("main form input[name=_csrf]").val();
			assertThat(token).as("the form's CSRF token").isNotBlank();
			return token;
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

}
