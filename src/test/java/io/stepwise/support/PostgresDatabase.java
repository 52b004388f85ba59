package io.stepwise.support;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Where PostgreSQL tests find their server: the one named by {@code STEPWISE_TEST_DB_URL}
 * (with {@code STEPWISE_TEST_DB_USER} and {@code STEPWISE_TEST_DB_PASSWORD}), as
 * {@code .ci/run} sets up, or else a Testcontainers PostgreSQL where Docker runs.
 */
public final class PostgresDatabase {

	static final String URL = "STEPWISE_TEST_DB_URL";

	static final String USER = "STEPWISE_TEST_DB_USER";

	static final String PASSWORD = "STEPWISE_TEST_DB_PASSWORD";

	private static PostgreSQLContainer container;

	private PostgresDatabase() {
	}

	static Optional<String> configuredUrl() {
		return Optional.ofNullable(System.getenv(URL)).filter((url) -> !url.isBlank());
	}

	static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Points the Spring context at PostgreSQL; call from a
	 * {@code @DynamicPropertySource}.
	 */
	public static void configure(DynamicPropertyRegistry registry) {
		Optional<String> url = configuredUrl();
		if (url.isPresent()) {
			registry.add("spring.datasource.url", url::get);
			registry.add("spring.datasource.username", () -> env(USER, "stepwise"));
			registry.add("spring.datasource.password", () -> env(PASSWORD, ""));
			return;
		}
		PostgreSQLContainer postgres = container();
		registry.add("spring.datasource.url", postgres::getJdbcUrl);
		registry.add("spring.datasource.username", postgres::getUsername);
		registry.add("spring.datasource.password", postgres::getPassword);
	}

	/**
	 * The server itself, for a test that starts the application on its own (several
	 * instances), makes a schema of its own or reaches it another way (through a proxy it
	 * cuts).
	 */
	public static Server server() {
		Optional<String> url = configuredUrl();
		if (url.isPresent()) {
			return new Server(url.get(), env(USER, "stepwise"), env(PASSWORD, ""));
		}
		PostgreSQLContainer postgres = container();
		return new Server(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
	}

	/** Where a PostgreSQL server is, and how to log in to it. */
	public record Server(String url, String username, String password) {

		private static final Pattern HOST_PORT = Pattern.compile("^jdbc:postgresql://([^/:]+)(?::(\\d+))?/");

		/** The same URL with another host and port, keeping the database and options. */
		public String urlAt(String host, int port) {
			return this.url.replaceFirst("^jdbc:postgresql://[^/]*/", "jdbc:postgresql://" + host + ":" + port + "/");
		}

		/** The host and port the URL names; 5432 when it names none. */
		public InetSocketAddress address() {
			Matcher matcher = HOST_PORT.matcher(this.url);
			if (!matcher.find()) {
				throw new IllegalStateException("Not a PostgreSQL URL with a host: " + this.url);
			}
			return new InetSocketAddress(matcher.group(1),
					(matcher.group(2) != null) ? Integer.parseInt(matcher.group(2)) : 5432);
		}

		/** The URL with the given schema first on the search path. */
		public String urlWithSchema(String schema) {
			return this.url + (this.url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
		}

	}

	private static synchronized PostgreSQLContainer container() {
		if (container == null) {
			container = new PostgreSQLContainer("postgres:16-alpine");
			container.start();
		}
		return container;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

}
