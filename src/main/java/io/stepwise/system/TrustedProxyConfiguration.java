package io.stepwise.system;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The proxies whose forwarded headers count. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TrustedProxies.Settings.class)
class TrustedProxyConfiguration {

	@Bean
	TrustedProxies trustedProxies(TrustedProxies.Settings settings) {
		return new TrustedProxies(settings);
	}

}
