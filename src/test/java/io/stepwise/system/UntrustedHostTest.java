package io.stepwise.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.support.BrowserCookies;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The Host header is the client's to choose: no redirect names it, neither those Spring
 * Security sends (to the login form, after login and logout) nor those of form posts,
 * whether the Location is written by the application or completed by the servlet
 * container.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestAccounts.class)
class UntrustedHostTest {

	private static final String EVIL = "evil.example";

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Test
	void securityRedirectsAreRelativeWhateverTheHost() throws Exception {
		assertThat(location(get("/dashboard").header("Host", EVIL))).isEqualTo("/login");
		AccountUser learner = this.accounts.learner();
		assertThat(location(post("/logout").header("Host", EVIL).with(user(learner)).with(csrf())))
			.isEqualTo("/?logout");
		assertThat(location(post("/login").header("Host", EVIL)
			.param("username", learner.getUsername())
			.param("password", "not the password")
			.with(csrf()))).isEqualTo("/login?error");
	}

	@Test
	void theLoginReturnsToTheSavedPageByItsPathOnly() throws Exception {
		AccountUser learner = this.accounts.learner();
		BrowserCookies browser = new BrowserCookies(this.mvc);
		browser.perform(get("/account").header("Host", EVIL));
		String after = browser
			.perform(post("/login").header("Host", EVIL)
				.param("username", learner.getUsername())
				.param("password", TestAccounts.PASSWORD)
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		assertThat(after).startsWith("/account").doesNotContain(EVIL);
	}

	@Test
	void aFormPostRedirectIsRelative() throws Exception {
		AccountUser learner = this.accounts.learner();
		assertThat(location(post("/account/profile").header("Host", EVIL)
			.param("displayName", "Same Name")
			.param("timeZone", "UTC")
			.with(user(learner))
			.with(csrf()))).startsWith("/account").doesNotContain(EVIL);
	}

	@Test
	void theServletContainerDoesNotCompleteALocationWithTheHost() throws Exception {
		// HTTP/1.0 is where Tomcat makes every Location absolute by itself
		for (String version : new String[] { "HTTP/1.0", "HTTP/1.1" }) {
			String entry = raw("GET /dashboard " + version + "\r\nHost: " + EVIL
					+ "\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
			assertThat(header(entry, "Location")).as(version).isEqualTo("/login");
		}

		String form = raw("GET /login HTTP/1.0\r\nHost: " + EVIL + "\r\nAccept: text/html\r\n\r\n");
		String cookie = header(form, "Set-Cookie").split(";", 2)[0];
		Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form);
		assertThat(token.find()).as(form).isTrue();
		String body = "username=nobody-here&password=wrong&_csrf="
				+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		String failed = raw("POST /login HTTP/1.0\r\nHost: " + EVIL + "\r\nCookie: " + cookie
				+ "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n\r\n"
				+ body);
		assertThat(failed).startsWith("HTTP/1.1 302");
		assertThat(header(failed, "Location")).isEqualTo("/login?error");
	}

	private String location(RequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		return result.getResponse().getRedirectedUrl();
	}

	/** One request over a plain socket, where the Host header can be anything. */
	private String raw(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			in.transferTo(response);
			return response.toString(StandardCharsets.UTF_8);
		}
	}

	private static String header(String response, String name) {
		for (String line : response.split("\r\n")) {
			if (line.isEmpty()) {
				break;
			}
			if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
				return line.substring(name.length() + 1).trim();
			}
		}
		throw new AssertionError("No " + name + " in " + response);
	}

}
