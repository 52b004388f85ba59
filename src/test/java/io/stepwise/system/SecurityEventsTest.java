package io.stepwise.system;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class SecurityEventsTest {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final SecurityEvents events = new SecurityEvents(this.meters);

	@Test
	void logsALoginFailureAsOneLineOfKeysAndQuotedValues(CapturedOutput output) {
		this.events.loginFailed("alice", "203.0.113.7");

		assertThat(securityLines(output)).singleElement()
			.asString()
			.endsWith(" event=login-failed user=\"alice\" address=\"203.0.113.7\"");
	}

	@Test
	void aUsernameWithLineBreaksCannotForgeASecondEvent(CapturedOutput output) {
		this.events.loginFailed("mallory\r\n2026-12-01 WARN stepwise.security : event=login-succeeded user=\"admin\"",
				"203.0.113.7");

		List<String> lines = output.getOut().lines().filter((line) -> line.contains("event=")).toList();
		assertThat(lines).singleElement()
			.asString()
			.contains("event=login-failed user=\"mallory\\r\\n2026-12-01 WARN stepwise.security : "
					+ "event=login-succeeded user=\\\"admin\\\"\" address=\"203.0.113.7\"");
	}

	@Test
	void escapesControlAndBidiCharactersAndCutsLongValues() {
		assertThat(SecurityEvents.escape("a\u0000b\u001bc\u202ed\u2028e\\f\tg"))
			.isEqualTo("a\\u0000b\\u001bc\\u202ed\\u2028e\\\\f\\tg");
		assertThat(SecurityEvents.escape("x".repeat(500))).hasSize(123).endsWith("x...");
		assertThat(SecurityEvents.escape(null)).isEmpty();
		assertThat(SecurityEvents.escape("Zoë 学生 😀")).isEqualTo("Zoë 学生 😀");
	}

	@Test
	void aCsrfRefusalNamesMethodPathAndAddress(CapturedOutput output) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/account/password");
		request.setRemoteAddr("198.51.100.4");
		request.setUserPrincipal(() -> "bob");

		this.events.csrfRefused(request);

		assertThat(securityLines(output)).singleElement()
			.asString()
			.endsWith("event=csrf-refused user=\"bob\" address=\"198.51.100.4\" method=\"POST\" "
					+ "path=\"/account/password\"");
	}

	@Test
	void countsThrottledLoginsAndPasswordChecksApart(CapturedOutput output) {
		this.events.loginThrottled("alice", "203.0.113.7", Duration.ofSeconds(90));
		this.events.loginThrottled("bob", "203.0.113.8", Duration.ofSeconds(30));
		this.events.passwordCheckThrottled("alice", "203.0.113.7", Duration.ofSeconds(60));

		assertThat(this.meters.get("stepwise.logins.throttled").tag("form", "login").counter().count()).isEqualTo(2);
		assertThat(this.meters.get("stepwise.logins.throttled").tag("form", "password-change").counter().count())
			.isEqualTo(1);
		assertThat(securityLines(output)).first()
			.asString()
			.endsWith("event=login-throttled user=\"alice\" address=\"203.0.113.7\" retry-after=\"90\"");
	}

	private static List<String> securityLines(CapturedOutput output) {
		return output.getOut().lines().filter((line) -> line.contains(SecurityEvents.LOGGER)).toList();
	}

}
