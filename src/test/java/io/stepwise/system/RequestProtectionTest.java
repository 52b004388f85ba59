package io.stepwise.system;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestAccounts.class)
class RequestProtectionTest {

	private static final String CURRICULUM = "django-24-week-syllabus";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void signUpWithoutCsrfTokenIsForbiddenAndCreatesNothing() throws Exception {
		String name = "no-csrf-" + UUID.randomUUID().toString().substring(0, 8);
		this.mvc.perform(signup(name)).andExpect(status().isForbidden());
		this.mvc.perform(signup(name).with(csrf().useInvalidToken())).andExpect(status().isForbidden());
		assertThat(this.jdbc.queryForObject("select count(*) from app_user where username = ?", Integer.class, name))
			.isZero();
	}

	@Test
	void aLearnersFormPostWithoutCsrfTokenIsForbidden() throws Exception {
		AccountUser learner = this.accounts.learner();
		this.mvc
			.perform(post("/account/profile").with(user(learner))
				.param("displayName", "Changed by another site")
				.param("timeZone", "UTC"))
			.andExpect(status().isForbidden())
			// The friendly error page, not the API's problem details.
			.andExpect((result) -> assertThat(result.getResponse().getContentType()).isNull())
			.andExpect((result) -> assertThat(result.getResponse().getErrorMessage()).isNotNull());
		assertThat(
				this.jdbc.queryForObject("select display_name from app_user where id = ?", String.class, learner.id()))
			.isEqualTo(learner.getDisplayName());
	}

	@Test
	void anHtmxRequestWithoutASessionIsToldToNavigateToTheLoginPage() throws Exception {
		this.mvc
			.perform(post("/curricula/" + CURRICULUM + "/items/1").param("done", "true")
				.header("HX-Request", "true")
				.with(csrf()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("HX-Redirect", "/login"));
	}

	@Test
	void anonymousApiWritesAreUnauthorizedAsProblemDetails() throws Exception {
		for (MockHttpServletRequestBuilder write : new MockHttpServletRequestBuilder[] {
				post("/api/v1/curricula/" + CURRICULUM + "/enrollment"),
				put("/api/v1/me/progress/" + CURRICULUM + "/items/1").contentType(MediaType.APPLICATION_JSON)
					.content("{\"done\":true}") }) {
			this.mvc.perform(write.with(csrf()))
				.andExpect(status().isUnauthorized())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(401))
				.andExpect(jsonPath("$.title").value("Unauthorized"));
		}
	}

	@Test
	void apiWritesWithoutCsrfTokenAreForbiddenAsProblemDetails() throws Exception {
		AccountUser learner = this.accounts.learner();
		this.mvc.perform(post("/api/v1/curricula/" + CURRICULUM + "/enrollment"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(403));
		this.mvc.perform(post("/api/v1/curricula/" + CURRICULUM + "/enrollment").with(user(learner)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void anonymousApiReadsOfPrivateDataAreUnauthorized() throws Exception {
		this.mvc.perform(get("/api/v1/me/progress/" + CURRICULUM))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void actuatorExposesOnlyHealthWithoutDetails() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist())
			.andExpect(jsonPath("$.details").doesNotExist());
		AccountUser learner = this.accounts.learner();
		for (String endpoint : new String[] { "/actuator", "/actuator/env", "/actuator/beans", "/actuator/configprops",
				"/actuator/heapdump", "/actuator/loggers", "/actuator/mappings" }) {
			int anonymous = this.mvc.perform(get(endpoint)).andReturn().getResponse().getStatus();
			int loggedIn = this.mvc.perform(get(endpoint).with(user(learner))).andReturn().getResponse().getStatus();
			assertThat(anonymous).as(endpoint).isNotEqualTo(200);
			assertThat(loggedIn).as(endpoint).isNotEqualTo(200);
		}
		// Not only refused by the security rules: not mapped at all.
		assertThat(this.context.getBean(PathMappedEndpoints.class).getAllRootPaths()).containsExactly("health");
	}

	@Test
	void theH2ConsoleIsNotExposed() throws Exception {
		AccountUser learner = this.accounts.learner();
		for (String path : new String[] { "/h2-console", "/h2-console/", "/h2-console/login.jsp" }) {
			assertThat(this.mvc.perform(get(path)).andReturn().getResponse().getStatus()).as(path).isNotEqualTo(200);
			assertThat(this.mvc.perform(get(path).with(user(learner))).andReturn().getResponse().getStatus()).as(path)
				.isNotEqualTo(200);
		}
		assertThat(this.context.containsBean("h2Console")).isFalse();
	}

	private static MockHttpServletRequestBuilder signup(String name) {
		return post("/signup").param("username", name)
			.param("email", name + "@example.org")
			.param("displayName", "No Token")
			.param("password", "seven orange kites over the harbour")
			.param("timeZone", "UTC");
	}

}
