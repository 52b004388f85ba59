package io.stepwise.system;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bound on password hashing and the proxies whose forwarded headers count. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ PasswordHashing.Settings.class, TrustedProxies.Settings.class })
class LoginProtectionConfiguration {

	@Bean
	PasswordHashing passwordHashing(PasswordHashing.Settings settings) {
		return new PasswordHashing(settings);
	}

	@Bean
	TrustedProxies trustedProxies(TrustedProxies.Settings settings) {
		return new TrustedProxies(settings);
	}

}
