package io.stepwise.curriculum;

import java.time.Clock;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

@Configuration(proxyBeanMethods = false)
class CurriculumWebConfiguration {

	/**
	 * Right after the security filters: the page cache needs to know the visitor is
	 * anonymous, and its answers carry the same security headers as every page.
	 */
	@Bean
	FilterRegistrationBean<AnonymousPages> anonymousPages(CurriculumRepository repository, CurriculumCaches caches,
			CacheSettings settings, LocaleResolver localeResolver, Clock clock) {
		RecentStamps stamps = new RecentStamps(repository, clock, settings.recheck());
		caches.alsoClear(stamps::forget);
		FilterRegistrationBean<AnonymousPages> registration = new FilterRegistrationBean<>(
				new AnonymousPages(stamps, caches, localeResolver));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.addUrlPatterns("/", "/curricula/*");
		return registration;
	}

}
