package io.stepwise.account;

import java.util.Map;

import io.stepwise.system.PasswordHashing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PasswordHashing.Settings.class)
class PasswordConfiguration {

	/**
	 * Argon2id for new hashes: no 72-byte limit on the password, unlike BCrypt. The
	 * delegating encoder keeps other hashes readable should the default move on, and
	 * Unicode is normalized first so a password typed on another keyboard still matches.
	 * Every hash runs under the bound on concurrent hashing, the dummy hash Spring
	 * Security makes for unknown usernames too, so a burst cannot exhaust the memory and
	 * an unknown name costs what a known one does.
	 */
	@Bean
	PasswordEncoder passwordEncoder(PasswordHashing.Settings hashingSettings) {
		PasswordHashing hashing = new PasswordHashing(hashingSettings);
		PasswordEncoder delegate = new DelegatingPasswordEncoder("argon2", Map.of("argon2",
				Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(), "bcrypt", new BCryptPasswordEncoder()));
		return hashing.bounded(new PasswordEncoder() {

			@Override
			public String encode(CharSequence rawPassword) {
				return delegate.encode(PasswordPolicy.normalize(rawPassword.toString()));
			}

			@Override
			public boolean matches(CharSequence rawPassword, String encodedPassword) {
				return delegate.matches(PasswordPolicy.normalize(rawPassword.toString()), encodedPassword);
			}

			@Override
			public boolean upgradeEncoding(String encodedPassword) {
				return delegate.upgradeEncoding(encodedPassword);
			}

		});
	}

}
