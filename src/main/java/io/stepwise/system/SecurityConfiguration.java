package io.stepwise.system;

import java.time.Clock;

import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagerFactories;
import org.springframework.security.authorization.AuthorizationManagerFactory;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Roles are checked here at the URL boundary; which objects a user
 * may see is decided in each feature's queries. Anything not listed is denied.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** No inline scripts or styles anywhere in the portal's own pages. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "frame-ancestors 'none'; form-action 'self'";

	/**
	 * Swagger UI sets style attributes from its scripts; it gets inline styles and
	 * nothing else.
	 */
	static final String API_DOCS_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
			+ "frame-ancestors 'none'; form-action 'self'";

	@Bean
	@Order(1)
	SecurityFilterChain apiDocs(HttpSecurity http) throws Exception {
		http.securityMatcher("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(API_DOCS_CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain portal(HttpSecurity http, LoginThrottle loginThrottle, SecurityEvents securityEvents,
			SessionCheck sessionCheck, SessionSettings sessionSettings, Clock clock) throws Exception {
		RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
		// A page that needs a login remembers itself in a cookie, not a session: an
		// anonymous visitor gets no session before the login and sign-up forms.
		RequestCache requestCache = SessionFreeRequestCache.create();
		http.authorizeHttpRequests(
				(requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
					.permitAll()
					.requestMatchers("/", "/login", "/signup", "/error", "/favicon.ico", "/webjars/**", "/css/**",
							"/js/**", "/images/**", "/actuator/health", "/actuator/health/**")
					.permitAll()
					.requestMatchers(HttpMethod.GET, "/robots.txt", "/sitemap.xml")
					.permitAll()
					.requestMatchers(HttpMethod.HEAD, "/robots.txt", "/sitemap.xml")
					.permitAll()
					// The steps of the second factor: reached with the password alone.
					// Every
					// other rule below needs the code as well where the account needs it.
					.requestMatchers(HttpMethod.GET, SecondFactor.VERIFY_PATH, SecondFactor.ENROL_PATH)
					.access(AuthenticatedAuthorizationManager.authenticated())
					.requestMatchers(HttpMethod.POST, SecondFactor.VERIFY_PATH, SecondFactor.ENROL_PATH + "/secret",
							SecondFactor.ENROL_PATH + "/confirm", "/logout")
					.access(AuthenticatedAuthorizationManager.authenticated())
					.requestMatchers("/admin", "/admin/**", "/api/v1/admin/**", "/api/v1/curricula/*/export")
					.hasRole("ADMIN")
					.requestMatchers(HttpMethod.GET, "/api/v1/cohorts", "/api/v1/cohorts/*/progress")
					.hasRole("MENTOR")
					.requestMatchers("/api/v1/cohorts", "/api/v1/cohorts/**")
					.hasRole("ADMIN")
					.requestMatchers("/mentor", "/mentor/**")
					.hasRole("MENTOR")
					.requestMatchers("/join/*")
					.hasRole("LEARNER")
					.requestMatchers("/dashboard", "/curricula/*/enrollment", "/curricula/*/enrollment/**",
							"/curricula/*/items/*/evidence", "/api/v1/me/**", "/api/v1/curricula/*/enrollment")
					.hasRole("LEARNER")
					.requestMatchers(HttpMethod.GET, "/curricula/**", "/api/v1/curricula", "/api/v1/curricula/*")
					.permitAll()
					// HEAD answers wherever GET does (MVC serves it from the GET
					// mapping).
					.requestMatchers(HttpMethod.HEAD, "/curricula/**", "/api/v1/curricula", "/api/v1/curricula/*")
					.permitAll()
					.requestMatchers("/curricula/**")
					.hasRole("LEARNER")
					// A calendar feed is opened by the token in its address alone.
					.requestMatchers(HttpMethod.GET, "/calendar/*")
					.permitAll()
					.requestMatchers(HttpMethod.HEAD, "/calendar/*")
					.permitAll()
					.requestMatchers("/account", "/account/**", "/logout")
					.authenticated()
					.anyRequest()
					.denyAll())
			.formLogin((form) -> form.loginPage("/login")
				.successHandler(new RoleHomeSuccessHandler(requestCache))
				.failureUrl("/login?error"))
			// The token from its header or the form body only, never the address.
			.csrf((csrf) -> csrf.csrfTokenRequestHandler(new BodyOrHeaderCsrfTokenHandler()))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/?logout"))
			.addFilterBefore(new LoginThrottleFilter(loginThrottle, securityEvents),
					UsernamePasswordAuthenticationFilter.class)
			// Every authenticated request is held to the account in the database, before
			// the URL rules look at its roles.
			.addFilterAfter(new SessionCheckFilter(sessionCheck, sessionSettings, clock),
					AnonymousAuthenticationFilter.class)
			// Pages send visitors to the login form (htmx is told to go there) and show
			// the friendly 403 page, or the login form again for a write from a session
			// that has ended (AccessRefusals); the API answers with problem details.
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor(HtmxResponses.redirectTo("/login"), HtmxResponses.REQUEST)
				.defaultAuthenticationEntryPointFor(loginPage(), new NegatedRequestMatcher(api))
				.defaultAuthenticationEntryPointFor(ProblemResponses.unauthorized(), api)
				// A login that still lacks the code goes to the page that asks
				// for it; every other refusal is answered by AccessRefusals.
				.defaultDeniedHandlerForMissingAuthority(
						(entryPoints) -> entryPoints
							.addEntryPointFor(HtmxResponses.redirectTo(SecondFactor.VERIFY_PATH), HtmxResponses.REQUEST)
							.addEntryPointFor(ProblemResponses.secondFactorRequired(), api)
							.defaultEntryPoint((request, response, ex) -> response
								.sendRedirect(request.getContextPath() + SecondFactor.VERIFY_PATH)),
						SecondFactor.AUTHORITY)
				// Not accessDeniedHandler(...): that would replace the missing-factor
				// handling above instead of being its fallback.
				.defaultAccessDeniedHandlerFor(new AccessRefusals(securityEvents), AnyRequestMatcher.INSTANCE))
			.requestCache((cache) -> cache.requestCache(requestCache))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions((frame) -> frame.deny()));
		return http.build();
	}

	/** A relative Location: the Host header is the client's to choose. */
	private static LoginUrlAuthenticationEntryPoint loginPage() {
		LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint("/login");
		entryPoint.setFavorRelativeUris(true);
		return entryPoint;
	}

	/**
	 * Every role rule above asks for the password and the code where
	 * {@link SecondFactor#requiredFor} says the login needs both. Built here rather than
	 * with {@code @EnableMultiFactorAuthentication}, whose factory does not take the role
	 * hierarchy and whose conditions know only WebAuthn.
	 */
	@Bean
	static AuthorizationManagerFactory<Object> authorizationManagerFactory(RoleHierarchy roleHierarchy) {
		DefaultAuthorizationManagerFactory<Object> factory = AuthorizationManagerFactories.multiFactor()
			.requireFactors(FactorGrantedAuthority.PASSWORD_AUTHORITY, SecondFactor.AUTHORITY)
			.when(SecondFactor::requiredFor)
			.build();
		factory.setRoleHierarchy(roleHierarchy);
		return factory;
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role("ADMIN")
			.implies("MENTOR")
			.role("MENTOR")
			.implies("LEARNER")
			.build();
	}

}
