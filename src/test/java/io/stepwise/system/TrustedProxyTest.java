package io.stepwise.system;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client address the throttle counts, over real HTTP through Tomcat: the
 * connection's, unless the connection comes from a trusted proxy.
 */
class TrustedProxyTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
	@ActiveProfiles("test")
	class WithoutATrustedProxy {

		@LocalServerPort
		int port;

		@Autowired
		JdbcTemplate jdbc;

		@Test
		void aClientCannotChooseItsAddressWithXForwardedFor() throws Exception {
			String claimed = "192.0.2." + (int) (Math.random() * 250);
			int before = attempts(this.jdbc, "address:127.0.0.1");

			assertThat(wrongLogin(this.port, claimed)).isEqualTo(302);

			assertThat(attempts(this.jdbc, "address:" + claimed)).isZero();
			assertThat(attempts(this.jdbc, "address:127.0.0.1")).isEqualTo(before + 1);
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
	@ActiveProfiles("test")
	@TestPropertySource(properties = "stepwise.proxy.trusted=127.0.0.1, ::1")
	class BehindATrustedProxyOnLoopback {

		@LocalServerPort
		int port;

		@Autowired
		JdbcTemplate jdbc;

		@Test
		void theThrottleCountsTheAddressTheProxyForwarded() throws Exception {
			String client = "198.51.100." + (int) (Math.random() * 250);

			assertThat(wrongLogin(this.port, client)).isEqualTo(302);

			assertThat(attempts(this.jdbc, "address:" + client)).isEqualTo(1);
		}

		@Test
		void anAddressTheClientPutInFrontOfTheProxysIsNotBelieved() throws Exception {
			String spoofed = "192.0.2." + (int) (Math.random() * 250);
			String client = "203.0.113." + (int) (Math.random() * 250);

			// The proxy appends the address it saw to what the client sent.
			assertThat(wrongLogin(this.port, spoofed + ", " + client)).isEqualTo(302);

			assertThat(attempts(this.jdbc, "address:" + client)).isEqualTo(1);
			assertThat(attempts(this.jdbc, "address:" + spoofed)).isZero();
		}

	}

	static int attempts(JdbcTemplate jdbc, String key) {
		List<Integer> rows = jdbc.queryForList("select failures from login_attempt where attempt_key = ?",
				Integer.class, key);
		return rows.isEmpty() ? 0 : rows.get(0);
	}

	/** A wrong password posted through the login form, as from behind a proxy. */
	static int wrongLogin(int port, String forwardedFor) throws Exception {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		URI login = URI.create("http://127.0.0.1:" + port + "/login");
		String page = client.send(HttpRequest.newBuilder(login).GET().build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher token = CSRF.matcher(page);
		assertThat(token.find()).as("the login form has a CSRF token").isTrue();
		String form = "username=" + URLEncoder.encode("nobody-" + UUID.randomUUID(), StandardCharsets.UTF_8)
				+ "&password=wrong+password+here&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		HttpRequest post = HttpRequest.newBuilder(login)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Forwarded-For", forwardedFor)
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		return client.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
