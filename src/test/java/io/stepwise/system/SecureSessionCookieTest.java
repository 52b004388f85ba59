package io.stepwise.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.CookieSerializer.CookieValue;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session cookie is Secure on HTTPS, which the server sees from a trusted proxy's
 * X-Forwarded-Proto when forwarded headers are configured, and everywhere when forced.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.forward-headers-strategy=native",
				"server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1" })
@ActiveProfiles("test")
class SecureSessionCookieTest {

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	int port;

	@Test
	void theCookieIsSecureWhenTheProxySaysTheRequestCameOverHttps() throws Exception {
		assertThat(sessionCookie("https")).containsIgnoringCase("; Secure");
	}

	@Test
	void theCookieIsNotSecureOverPlainHttp() throws Exception {
		assertThat(sessionCookie(null)).doesNotContainIgnoringCase("Secure");
	}

	@Test
	void theSettingMakesTheCookieSecureOverPlainHttpToo() {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		new SessionConfiguration().secureSessionCookie(new SessionSettings(Duration.ofHours(12), true))
			.customize(serializer);
		MockHttpServletResponse response = new MockHttpServletResponse();

		serializer.writeCookieValue(new CookieValue(new MockHttpServletRequest(), response, "a-session"));

		assertThat(response.getHeader("Set-Cookie")).containsIgnoringCase("; Secure");
	}

	@Test
	void withoutTheSettingTheRequestDecides() {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		new SessionConfiguration().secureSessionCookie(new SessionSettings(Duration.ofHours(12), false))
			.customize(serializer);
		MockHttpServletRequest https = new MockHttpServletRequest();
		https.setSecure(true);
		MockHttpServletResponse secure = new MockHttpServletResponse();
		MockHttpServletResponse plain = new MockHttpServletResponse();

		serializer.writeCookieValue(new CookieValue(https, secure, "a-session"));
		serializer.writeCookieValue(new CookieValue(new MockHttpServletRequest(), plain, "a-session"));

		assertThat(secure.getHeader("Set-Cookie")).containsIgnoringCase("; Secure");
		assertThat(plain.getHeader("Set-Cookie")).doesNotContainIgnoringCase("Secure");
	}

	private String sessionCookie(String forwardedProto) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/login"))
			.header("Accept", "text/html");
		if (forwardedProto != null) {
			request.header("X-Forwarded-Proto", forwardedProto);
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		List<String> cookies = response.headers().allValues("Set-Cookie");
		return cookies.stream().filter((cookie) -> cookie.startsWith("SESSION=")).findFirst().orElseThrow();
	}

}
