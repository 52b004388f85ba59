package io.stepwise.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static io.stepwise.support.FullLogin.passwordOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Every admin route, found in the application's own request mappings rather than listed
 * by hand, refuses visitors, learners, mentors and admins who have not given the second
 * factor, and writes nothing for them. A new admin route is covered the day it is added.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestAccounts.class)
class AdminRoutesTest {

	/** Tables an admin route might write to; none may change when a route refuses. */
	private static final List<String> TABLES = List.of("app_user", "cohort", "cohort_mentor", "cohort_learner",
			"curriculum", "curriculum_item", "week", "phase", "audit_entry", "enrollment");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService users;

	private AccountUser learner;

	private AccountUser mentor;

	private AccountUser admin;

	@BeforeEach
	void people() {
		this.learner = this.accounts.learner();
		AccountUser someone = this.accounts.learner();
		this.jdbc.update("update app_user set role = 'MENTOR' where id = ?", someone.id());
		this.mentor = (AccountUser) this.users.loadUserByUsername(someone.getUsername());
		AccountUser another = this.accounts.learner();
		this.jdbc.update("update app_user set role = 'ADMIN' where id = ?", another.id());
		this.admin = (AccountUser) this.users.loadUserByUsername(another.getUsername());
	}

	@Test
	void theAdminAreaHasRoutes() {
		assertThat(adminRoutes()).extracting(Route::path).contains("/admin", "/admin/cohorts", "/api/v1/cohorts");
	}

	@TestFactory
	Stream<DynamicTest> everyAdminRouteRefusesVisitorsLearnersAndMentors() {
		return adminRoutes().stream()
			.map((route) -> DynamicTest.dynamicTest(route.method() + " " + route.path(), () -> {
				Map<String, Long> before = counts();
				int anonymous = perform(route, (AccountUser) null);
				assertThat(anonymous).as("visitor").isIn(302, 401);
				assertThat(perform(route, this.learner)).as("learner").isEqualTo(403);
				assertThat(perform(route, this.mentor)).as("mentor").isEqualTo(403);
				MockHttpServletResponse passwordOnly = perform(route, passwordOnly(this.admin));
				if (route.path().startsWith("/api/")) {
					assertThat(passwordOnly.getStatus()).as("admin without the second factor").isEqualTo(401);
				}
				else {
					assertThat(passwordOnly.getRedirectedUrl()).as("admin without the second factor")
						.isEqualTo("/login/two-factor");
				}
				assertThat(counts()).as("nothing written").isEqualTo(before);
			}));
	}

	private int perform(Route route, AccountUser who) throws Exception {
		return perform(route, (who != null) ? user(who) : null).getStatus();
	}

	private MockHttpServletResponse perform(Route route, RequestPostProcessor login) throws Exception {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders
			.request(HttpMethod.valueOf(route.method()), route.example())
			.with(csrf());
		if (route.path().startsWith("/api/")) {
			request.contentType("application/json").content("{}");
		}
		if (login != null) {
			request.with(login);
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	/**
	 * Routes only admins may use: everything under /admin and /api/v1/admin, and the
	 * cohort API's writes (mentors may only read their cohorts there).
	 */
	private List<Route> adminRoutes() {
		List<Route> routes = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String path : info.getPatternValues()) {
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					boolean cohortWrite = path.startsWith("/api/v1/cohorts") && method != RequestMethod.GET;
					if (path.equals("/admin") || path.startsWith("/admin/") || path.startsWith("/api/v1/admin")
							|| cohortWrite) {
						routes.add(new Route(method.name(), path));
					}
				}
			}
		}
		return routes;
	}

	private Map<String, Long> counts() {
		Map<String, Long> counts = new java.util.TreeMap<>();
		for (String table : TABLES) {
			counts.put(table, this.jdbc.queryForObject("select count(*) from " + table, Long.class));
		}
		counts.put("versions",
				this.jdbc.queryForObject("select coalesce(sum(version), 0) from curriculum", Long.class));
		return counts;
	}

	record Route(String method, String path) {

		/** The path with each variable filled with something plausible. */
		String example() {
			return this.path.replaceAll("\\{slug[^}]*}", "django-24-week-syllabus")
				.replaceAll("\\{username[^}]*}", "admin")
				.replaceAll("\\{[^}]*}", "1");
		}

	}

}
