package io.stepwise.system;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sessions live in the database through Spring Session JDBC, so every instance serves the
 * same ones and a restart keeps them; Boot sets that up, Flyway makes the tables.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SessionSettings.class)
class SessionConfiguration {

	/**
	 * Left alone, the cookie serializer makes the cookie Secure exactly when the request
	 * came over HTTPS; the setting forces it, for a proxy that does not say so.
	 */
	@Bean
	DefaultCookieSerializerCustomizer secureSessionCookie(SessionSettings settings) {
		return (serializer) -> {
			if (settings.secureCookies()) {
				serializer.setUseSecureCookie(true);
			}
		};
	}

}
