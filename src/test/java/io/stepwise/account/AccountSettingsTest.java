package io.stepwise.account;

import io.stepwise.support.BrowserCookies;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestAccounts.class)
class AccountSettingsTest {

	private static final String NEW_PASSWORD = "lanterns drifting past the quay";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void refusesAPasswordChangeWithTheWrongCurrentPassword() throws Exception {
		AccountUser learner = this.accounts.learner();
		String hashBefore = hash(learner);

		Document page = refused(changePassword(learner, "not the current password", NEW_PASSWORD));

		assertThat(page.select("#currentPassword-errors").text()).isEqualTo("The current password is not right.");
		assertThat(hash(learner)).isEqualTo(hashBefore);
		assertLoginWorks(learner, TestAccounts.PASSWORD);
	}

	@Test
	void refusesAWeakNewPassword() throws Exception {
		AccountUser learner = this.accounts.learner();
		String hashBefore = hash(learner);

		Document common = refused(changePassword(learner, TestAccounts.PASSWORD, "qwertyuiop123"));
		assertThat(common.select("#newPassword-errors").text())
			.isEqualTo("This password is too common; choose one that is harder to guess.");
		Document tooShort = refused(changePassword(learner, TestAccounts.PASSWORD, "short one"));
		assertThat(tooShort.select("#newPassword-errors").text()).isEqualTo("Use at least 12 characters.");
		Document withName = refused(
				changePassword(learner, TestAccounts.PASSWORD, "I am " + learner.getUsername() + " and proud"));
		assertThat(withName.select("#newPassword-errors").text())
			.isEqualTo("The password must not contain your username.");

		assertThat(hash(learner)).isEqualTo(hashBefore);
		assertThat(common.outerHtml()).doesNotContain(TestAccounts.PASSWORD).doesNotContain("qwertyuiop123");
	}

	@Test
	void refusesAPasswordChangeWithoutTheCurrentPassword() throws Exception {
		AccountUser learner = this.accounts.learner();
		Document page = refused(changePassword(learner, "", NEW_PASSWORD));
		assertThat(page.select("#currentPassword-errors").text()).isEqualTo("Enter your current password.");
	}

	@Test
	void afterAPasswordChangeOnlyTheNewPasswordLogsIn() throws Exception {
		AccountUser learner = this.accounts.learner();

		this.mvc.perform(changePassword(learner, TestAccounts.PASSWORD, NEW_PASSWORD))
			.andExpect(redirectedUrl("/account"));

		assertThat(hash(learner)).startsWith("{argon2}");
		assertLoginWorks(learner, NEW_PASSWORD);
		this.mvc.perform(login(learner.getUsername(), TestAccounts.PASSWORD)).andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void aProfileChangeAppliesNameAndTimeZoneAtOnce() throws Exception {
		AccountUser learner = this.accounts.learner();
		BrowserCookies session = new BrowserCookies(this.mvc);
		session.perform(login(learner.getUsername(), TestAccounts.PASSWORD)).andExpect(authenticated());

		session
			.perform(post("/account/profile").with(csrf())
				.param("displayName", "Grace Hopper")
				.param("timeZone", "Asia/Tokyo"))
			.andExpect(redirectedUrl("/account"))
			.andExpect(authenticated().withAuthentication((authentication) -> {
				AccountUser changed = (AccountUser) authentication.getPrincipal();
				assertThat(changed.getDisplayName()).isEqualTo("Grace Hopper");
				assertThat(changed.zone().getId()).isEqualTo("Asia/Tokyo");
			}));

		Map<String, Object> row = this.jdbc.queryForMap("select display_name, time_zone from app_user where id = ?",
				learner.id());
		assertThat(row).containsEntry("display_name", "Grace Hopper").containsEntry("time_zone", "Asia/Tokyo");
		// The same session, without logging in again, already shows the new profile.
		Document page = Jsoup.parse(session.perform(get("/account"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select("header a[href=/account]").text()).contains("Grace Hopper");
		assertThat(page.select("#displayName").val()).isEqualTo("Grace Hopper");
		assertThat(page.select("#timeZone option[selected]").val()).isEqualTo("Asia/Tokyo");
	}

	@Test
	void refusesABlankDisplayName() throws Exception {
		AccountUser learner = this.accounts.learner();
		Document page = refused(post("/account/profile").with(user(learner))
			.with(csrf())
			.param("displayName", " ")
			.param("timeZone", "Asia/Tokyo"));
		assertThat(page.select("#displayName-errors").text()).isEqualTo("Enter the name to show.");
		assertThat(this.jdbc.queryForObject("select time_zone from app_user where id = ?", String.class, learner.id()))
			.isEqualTo("UTC");
	}

	private MockHttpServletRequestBuilder changePassword(AccountUser learner, String current, String next) {
		return post("/account/password").with(user(learner))
			.with(csrf())
			.param("currentPassword", current)
			.param("newPassword", next);
	}

	private Document refused(MockHttpServletRequestBuilder request) throws Exception {
		return Jsoup.parse(this.mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(view().name("account/settings"))
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private void assertLoginWorks(AccountUser learner, String password) throws Exception {
		this.mvc.perform(login(learner.getUsername(), password))
			.andExpect(redirectedUrl("/dashboard"))
			.andExpect(authenticated());
	}

	private String hash(AccountUser learner) {
		return this.jdbc.queryForObject("select password_hash from app_user where id = ?", String.class, learner.id());
	}

	/** The login form as a browser posts it. */
	private static MockHttpServletRequestBuilder login(String username, String password) {
		return post("/login").with(csrf()).param("username", username).param("password", password);
	}

}
