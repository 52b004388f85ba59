package io.stepwise.system;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Counts, per raw password, how often the application's password encoder was asked to
 * check it: what reached the password check, whatever the HTTP answer said.
 */
@TestConfiguration(proxyBeanMethods = false)
class CountingPasswords {

	private static final Map<String, AtomicInteger> CHECKS = new ConcurrentHashMap<>();

	static int checksOf(String rawPassword) {
		AtomicInteger count = CHECKS.get(rawPassword);
		return (count != null) ? count.get() : 0;
	}

	@Bean
	static BeanPostProcessor countingPasswordEncoder() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (!(bean instanceof PasswordEncoder encoder) || !beanName.equals("passwordEncoder")) {
					return bean;
				}
				return new PasswordEncoder() {

					@Override
					public String encode(CharSequence rawPassword) {
						return encoder.encode(rawPassword);
					}

					@Override
					public boolean matches(CharSequence rawPassword, String encodedPassword) {
						CHECKS.computeIfAbsent(rawPassword.toString(), (key) -> new AtomicInteger()).incrementAndGet();
						return encoder.matches(rawPassword, encodedPassword);
					}

					@Override
					public boolean upgradeEncoding(String encodedPassword) {
						return encoder.upgradeEncoding(encodedPassword);
					}

				};
			}

		};
	}

}
