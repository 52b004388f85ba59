package io.stepwise.system;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.RelativeRedirectFilter;

/**
 * Filters that guard what comes in before any other part of the portal reads it, in this
 * order: relative redirects, the body size limit, multipart only where files are
 * uploaded, then (before Spring Security) login names no account can have.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimits.class)
class InputFilterConfiguration {

	/**
	 * Every redirect keeps its relative Location. Tomcat completes one with the Host
	 * header for HTTP/1.0 requests even with relative redirects on; this filter writes
	 * the header itself.
	 */
	@Bean
	FilterRegistrationBean<RelativeRedirectFilter> relativeRedirects() {
		RelativeRedirectFilter filter = new RelativeRedirectFilter();
		// 302 as the container sends, not the filter's own default of 303
		filter.setRedirectStatus(HttpStatus.FOUND);
		FilterRegistrationBean<RelativeRedirectFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	FilterRegistrationBean<BodySizeFilter> bodySizeLimit(RequestLimits limits) {
		FilterRegistrationBean<BodySizeFilter> registration = new FilterRegistrationBean<>(new BodySizeFilter(limits));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	@Bean
	FilterRegistrationBean<MultipartFilter> multipartOnlyForUploads() {
		FilterRegistrationBean<MultipartFilter> registration = new FilterRegistrationBean<>(new MultipartFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
		return registration;
	}

	/** Before Spring Security's filters, so before the login throttle's query. */
	@Bean
	FilterRegistrationBean<LoginNameFilter> loginNames() {
		FilterRegistrationBean<LoginNameFilter> registration = new FilterRegistrationBean<>(new LoginNameFilter());
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
		return registration;
	}

}
