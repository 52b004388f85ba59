package io.stepwise.account;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.stepwise.support.FullLogin.fullLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The users API: search, and changes of role and enabled state, strict about its input.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(StaffAccounts.class)
class AdminUserApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts staff;

	@Autowired
	JdbcTemplate jdbc;

	private AccountUser admin;

	@BeforeEach
	void newAdmin() {
		this.admin = this.staff.admin();
	}

	@Test
	void searchFindsUsersAndNamesTheirRoleAndState() throws Exception {
		AccountUser learner = this.staff.learner();
		this.mvc
			.perform(get("/api/v1/admin/users").param("q", learner.getUsername().toUpperCase())
				.with(fullLogin(this.admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.users[*].username", contains(learner.getUsername())))
			.andExpect(jsonPath("$.users[0].displayName").value(learner.getDisplayName()))
			.andExpect(jsonPath("$.users[0].email").value(learner.getUsername() + "@example.org"))
			.andExpect(jsonPath("$.users[0].role").value("LEARNER"))
			.andExpect(jsonPath("$.users[0].enabled").value(true))
			.andExpect(jsonPath("$.users[0].mustChangePassword").value(false))
			.andExpect(jsonPath("$.users[0].createdAt").isString())
			.andExpect(jsonPath("$.users[0].passwordHash").doesNotExist())
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.total").value(1));
		this.mvc.perform(get("/api/v1/admin/users").with(fullLogin(this.admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.users.length()").value(AccountAdministration.PAGE_SIZE))
			.andExpect(jsonPath("$.total").isNumber());
	}

	@Test
	void aPatchChangesRoleAndEnabledStateAndRecordsBoth() throws Exception {
		AccountUser learner = this.staff.learner();
		this.mvc.perform(change(learner, "{\"role\": \"MENTOR\", \"enabled\": false}").with(fullLogin(this.admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value(learner.getUsername()))
			.andExpect(jsonPath("$.role").value("MENTOR"))
			.andExpect(jsonPath("$.enabled").value(false));
		assertThat(stored(learner)).isEqualTo("MENTOR false");
		assertThat(auditActions(learner)).containsExactly("role.changed", "user.disabled");

		this.mvc.perform(change(learner, "{\"enabled\": true}").with(fullLogin(this.admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.role").value("MENTOR"))
			.andExpect(jsonPath("$.enabled").value(true));
		// Nothing to change, nothing recorded.
		this.mvc.perform(change(learner, "{\"role\": \"MENTOR\"}").with(fullLogin(this.admin)))
			.andExpect(status().isOk());
		assertThat(auditActions(learner)).containsExactly("role.changed", "user.disabled", "user.enabled");
	}

	@Test
	void aBodyWithUnknownMembersOrWrongTypesIsRefusedMemberByMember() throws Exception {
		AccountUser learner = this.staff.learner();
		for (String body : List.of("{\"role\": \"MENTOR\", \"password\": \"x\"}", "{\"role\": \"ROOT\"}",
				"{\"role\": 2}", "{\"role\": null}", "{\"role\": \"mentor\"}", "{\"enabled\": \"false\"}",
				"{\"enabled\": 0}", "{}")) {
			this.mvc.perform(change(learner, body).with(fullLogin(this.admin)))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].field").isString());
		}
		this.mvc.perform(change(learner, "{\"rol\": \"ADMIN\", \"enabled\": \"no\"}").with(fullLogin(this.admin)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", contains("rol", "enabled")));
		for (String body : List.of("[]", "\"ADMIN\"", "{\"role\": ", "")) {
			this.mvc.perform(change(learner, body).with(fullLogin(this.admin)))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}
		assertThat(stored(learner)).isEqualTo("LEARNER true");
		assertThat(auditActions(learner)).isEmpty();
	}

	@Test
	void anUnknownUserIsNotFound() throws Exception {
		this.mvc
			.perform(patch("/api/v1/admin/users/nobody-" + UUID.randomUUID().toString().substring(0, 8))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"enabled\": false}")
				.with(csrf())
				.with(fullLogin(this.admin)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void theOnlyEnabledAdminCanBeNeitherDemotedNorDisabled() throws Exception {
		this.staff.asOnlyAdmin(this.admin, () -> {
			for (String body : List.of("{\"role\": \"MENTOR\"}", "{\"enabled\": false}",
					"{\"role\": \"ADMIN\", \"enabled\": false}", "{\"role\": \"LEARNER\", \"enabled\": true}")) {
				this.mvc.perform(change(this.admin, body).with(fullLogin(this.admin)))
					.andExpect(status().isConflict())
					.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
					.andExpect(jsonPath("$.title").value("Last administrator"));
			}
			assertThat(stored(this.admin)).isEqualTo("ADMIN true");
			// What keeps the admin an admin is allowed.
			this.mvc.perform(change(this.admin, "{\"role\": \"ADMIN\", \"enabled\": true}").with(fullLogin(this.admin)))
				.andExpect(status().isOk());
		});
		assertThat(auditActions(this.admin)).isEmpty();
	}

	@Test
	void anonymousCallersAreUnauthorizedAndLearnersAndMentorsForbidden() throws Exception {
		AccountUser learner = this.staff.learner();
		AccountUser mentor = this.staff.mentor();
		List<MockHttpServletRequestBuilder> calls = List.of(get("/api/v1/admin/users"),
				change(learner, "{\"role\": \"ADMIN\"}"));
		for (MockHttpServletRequestBuilder call : calls) {
			this.mvc.perform(call)
				.andExpect(status().isUnauthorized())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}
		for (AccountUser caller : List.of(learner, mentor)) {
			this.mvc.perform(get("/api/v1/admin/users").with(user(caller)))
				.andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
			this.mvc.perform(change(learner, "{\"role\": \"ADMIN\"}").with(user(caller)))
				.andExpect(status().isForbidden());
		}
		assertThat(stored(learner)).isEqualTo("LEARNER true");
	}

	@Test
	void aPatchNeedsTheCsrfToken() throws Exception {
		AccountUser learner = this.staff.learner();
		this.mvc
			.perform(patch("/api/v1/admin/users/" + learner.getUsername()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"enabled\": false}")
				.with(fullLogin(this.admin)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(stored(learner)).isEqualTo("LEARNER true");
		assertThat(auditActions(learner)).isEmpty();
	}

	@Test
	void theApiIsDocumented() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/admin/users'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/admin/users/{username}'].patch.responses['409']").exists())
			.andExpect(jsonPath("$.tags[*].name", hasItem("Users")));
	}

	private static MockHttpServletRequestBuilder change(AccountUser user, String body) {
		return patch("/api/v1/admin/users/" + user.getUsername()).contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.with(csrf());
	}

	private String stored(AccountUser user) {
		Map<String, Object> row = this.jdbc.queryForMap("select role, enabled from app_user where id = ?", user.id());
		return row.get("role") + " " + row.get("enabled");
	}

	private List<String> auditActions(AccountUser user) {
		return this.jdbc.queryForList("select action from audit_entry where subject = ? order by id", String.class,
				user.getUsername());
	}

}
