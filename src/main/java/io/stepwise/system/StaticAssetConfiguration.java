package io.stepwise.system;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StaticAssetConfiguration {

	@Bean
	FilterRegistrationBean<StaticAssetCaching> staticAssetCaching() {
		FilterRegistrationBean<StaticAssetCaching> registration = new FilterRegistrationBean<>(
				new StaticAssetCaching());
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.addUrlPatterns("/css/*", "/js/*", "/images/*", "/webjars/*");
		return registration;
	}

	/**
	 * In place of Spring Boot's own, which backs off when a filter of its type is a bean.
	 */
	@Bean
	StaticAssetUrls staticAssetUrls() {
		return new StaticAssetUrls();
	}

}
