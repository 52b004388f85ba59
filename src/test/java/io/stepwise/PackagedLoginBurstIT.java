package io.stepwise;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application in a JVM of its own with a small heap, hit by a burst of a few
 * hundred parallel logins from distinct names and (through a trusted proxy on loopback)
 * distinct addresses, so the throttle lets every one through to password hashing. Each
 * Argon2 hash takes 16 MiB: without the bound on concurrent hashing such a burst ends in
 * OutOfMemoryError. With it, every login is answered at once, with the login page (302),
 * 429 or 503, and the instance is still well afterwards.
 */
class PackagedLoginBurstIT {

	private static final int BURST = 300;

	private static final String HEAP = "-Xmx160m";

	private static final Duration STARTUP = Duration.ofMinutes(4);

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@TempDir
	Path work;

	private Process app;

	private Path log;

	private URI base;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	@BeforeEach
	void start() throws Exception {
		int port = freePort();
		this.base = URI.create("http://127.0.0.1:" + port);
		this.log = this.work.resolve("app.log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, HEAP, "-Xss512k", "-jar", packagedJar().toString(),
				"--server.port=" + port,
				"--spring.datasource.url=jdbc:h2:file:" + this.work.resolve("db")
						+ "/stepwise;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000")
			.redirectErrorStream(true)
			.redirectOutput(this.log.toFile())
			.directory(this.work.toFile());
		Map<String, String> env = builder.environment();
		env.put("STEPWISE_ADMIN_PASSWORD", "a long passphrase kept for the burst test");
		env.put("STEPWISE_CURRICULA_IMPORT_ON_START", "false");
		env.put("STEPWISE_PROXY_TRUSTED", "127.0.0.1");
		env.put("STEPWISE_LOGIN_HASHING_CONCURRENCY", "2");
		this.app = builder.start();
		awaitHealthy();
	}

	@AfterEach
	void stop() throws Exception {
		if (this.app != null) {
			this.app.destroy();
			if (!this.app.waitFor(30, TimeUnit.SECONDS)) {
				this.app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		FileSystemUtils.deleteRecursively(this.work.resolve("db"));
	}

	@Test
	void aBurstOfLoginsIsAnsweredQuicklyAndLeavesTheInstanceWell() throws Exception {
		List<LoginForm> forms = new ArrayList<>();
		for (int i = 0; i < BURST; i++) {
			forms.add(loginForm());
		}
		ExecutorService threads = Executors.newFixedThreadPool(BURST);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Answer>> answers = new ArrayList<>();
			for (int i = 0; i < BURST; i++) {
				LoginForm form = forms.get(i);
				String address = "198.18." + (i / 250) + "." + (i % 250 + 1);
				String username = "burst-" + i + "-nobody";
				answers.add(threads.submit(() -> {
					go.await();
					return post(form, username, address);
				}));
			}
			go.countDown();
			Map<Integer, Integer> statuses = new TreeMap<>();
			Duration slowest = Duration.ZERO;
			for (Future<Answer> future : answers) {
				Answer answer = future.get(3, TimeUnit.MINUTES);
				statuses.merge(answer.status(), 1, Integer::sum);
				slowest = (answer.took().compareTo(slowest) > 0) ? answer.took() : slowest;
			}

			System.out.printf("Burst of %d logins: statuses %s, slowest %s%n", BURST, statuses, slowest);
			assertThat(statuses.keySet()).as("statuses %s", statuses).isSubsetOf(302, 429, 503);
			assertThat(statuses.getOrDefault(302, 0)).as("logins checked, of %s", statuses).isPositive();
			assertThat(slowest).as("the slowest answer").isLessThan(Duration.ofSeconds(30));
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(this.app.isAlive()).as("the instance is still running").isTrue();
		HttpResponse<String> health = this.http.send(
				HttpRequest.newBuilder(this.base.resolve("/actuator/health")).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("UP");
		assertThat(Files.readString(this.log)).doesNotContain("OutOfMemoryError");
	}

	/** A login form as a browser would have it: its cookies and CSRF token. */
	private LoginForm loginForm() throws IOException, InterruptedException {
		HttpResponse<String> page = this.http.send(
				HttpRequest.newBuilder(this.base.resolve("/login")).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher token = CSRF.matcher(page.body());
		assertThat(token.find()).as("the login form has a CSRF token").isTrue();
		String cookies = page.headers()
			.allValues("Set-Cookie")
			.stream()
			.map((cookie) -> cookie.split(";", 2)[0])
			.collect(Collectors.joining("; "));
		return new LoginForm(cookies, token.group(1));
	}

	private Answer post(LoginForm form, String username, String address) throws IOException, InterruptedException {
		String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
				+ "&password=a+wrong+password+in+a+burst&_csrf="
				+ URLEncoder.encode(form.csrf(), StandardCharsets.UTF_8);
		HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve("/login"))
			.timeout(Duration.ofMinutes(2))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Forwarded-For", address)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (!form.cookies().isEmpty()) {
			request.header("Cookie", form.cookies());
		}
		long started = System.nanoTime();
		HttpResponse<Void> response = this.http.send(request.build(), HttpResponse.BodyHandlers.discarding());
		return new Answer(response.statusCode(), Duration.ofNanos(System.nanoTime() - started));
	}

	/** Polls health until the instance is up, failing early if the process ends. */
	private void awaitHealthy() throws Exception {
		long deadline = System.nanoTime() + STARTUP.toNanos();
		HttpRequest health = HttpRequest.newBuilder(this.base.resolve("/actuator/health"))
			.timeout(Duration.ofSeconds(5))
			.build();
		while (true) {
			assertThat(this.app.isAlive()).as("the application ended while starting:%n%s", logTail()).isTrue();
			try {
				if (this.http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			assertThat(System.nanoTime()).as("started within %s:%n%s", STARTUP, logTail()).isLessThan(deadline);
			this.app.waitFor(500, TimeUnit.MILLISECONDS);
		}
	}

	private String logTail() throws IOException {
		List<String> lines = Files.readAllLines(this.log);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	private static Path packagedJar() throws IOException {
		List<Path> jars = new ArrayList<>();
		try (DirectoryStream<Path> found = Files.newDirectoryStream(Path.of("target"), "stepwise-*.jar")) {
			found.forEach(jars::add);
		}
		assertThat(jars).as("the packaged jar in target (run after package)").hasSize(1);
		return jars.get(0).toAbsolutePath();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private record LoginForm(String cookies, String csrf) {
	}

	private record Answer(int status, Duration took) {
	}

}
