package io.stepwise.system;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The session settings as an operator gives them: environment variables, or nothing. */
class SessionSettingsTest {

	@Test
	void withoutSettingsASessionLastsTwelveHoursAndItsCookieFollowsTheRequest() {
		SessionSettings settings = bind(Map.of());

		assertThat(settings.absoluteTimeout()).isEqualTo(Duration.ofHours(12));
		assertThat(settings.secureCookies()).isFalse();
	}

	@Test
	void theAbsoluteTimeoutComesFromItsEnvironmentVariable() {
		SessionSettings settings = bind(Map.of("STEPWISE_SESSION_ABSOLUTE_TIMEOUT", "90m"));

		assertThat(settings.absoluteTimeout()).isEqualTo(Duration.ofMinutes(90));
	}

	private static SessionSettings bind(Map<String, Object> environment) {
		StandardEnvironment env = new StandardEnvironment();
		env.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", environment));
		ConfigurationPropertySources.attach(env);
		return Binder.get(env).bindOrCreate("stepwise.session", SessionSettings.class);
	}

}
