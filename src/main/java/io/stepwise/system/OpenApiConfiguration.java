package io.stepwise.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Describes the JSON API at /v3/api-docs and /swagger-ui.html. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI stepwiseOpenApi() {
		return new OpenAPI().info(new Info().title("Stepwise API").version("v1").description("""
				The curricula, and the logged-in learner's enrollments and progress. \
				It uses the same accounts and rules as the pages: log in through the \
				login form to get the session cookie, and send the CSRF token from a \
				page's `_csrf` meta tag in the header named by its `_csrf_header` meta \
				tag with every write. Errors are RFC 9457 problem details."""))
			.components(new Components()
				.addSecuritySchemes("session",
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.COOKIE)
							.name("JSESSIONID"))
				.addSecuritySchemes("csrf",
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.HEADER)
							.name("X-CSRF-TOKEN")))
			.addSecurityItem(new SecurityRequirement().addList("session").addList("csrf"));
	}

}
