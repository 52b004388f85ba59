package io.stepwise.account;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.stepwise.support.FullLogin.fullLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What an admin's change does to the sessions of the account changed: live sessions,
 * logged in with the form as a browser does, follow on their very next request.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(StaffAccounts.class)
class AccountSessionsTest {

	private static final String API = "/api/v1/me/progress/django-24-week-syllabus";

	private static final String TEMPORARY = "violet harbour lamps at dusk";

	private static final String CHOSEN = "copper kettles on a windowsill";

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

	// Roles

	@Test
	void aMentorDemotedToLearnerLosesTheMentorPagesWithTheNextRequestOfTheSameSession() throws Exception {
		AccountUser mentor = this.staff.mentor();
		MockHttpSession session = logIn(mentor, TestAccounts.PASSWORD);
		this.mvc.perform(page("/mentor", session)).andExpect(status().isOk());

		changeRole(mentor, "LEARNER");

		this.mvc.perform(page("/mentor", session)).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/cohorts").session(session))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		// Still logged in, as a learner.
		this.mvc.perform(page("/dashboard", session))
			.andExpect(status().isOk())
			.andExpect(authenticated().withRoles("LEARNER"));
		assertThat(Jsoup
			.parse(this.mvc.perform(page("/dashboard", session)).andReturn().getResponse().getContentAsString())
			.select("header a[href=/mentor]")).isEmpty();
	}

	@Test
	void aLearnerPromotedToAdminIsAnAdminInTheSameSessionOnceTheyGiveTheSecondFactor() throws Exception {
		AccountUser learner = this.staff.learner();
		MockHttpSession session = logIn(learner, TestAccounts.PASSWORD);
		this.mvc.perform(page("/admin", session)).andExpect(status().isForbidden());

		changeRole(learner, "ADMIN");

		// The session is an admin's now, which needs the code from an app
		// (TwoFactorTest follows it through the set-up to the admin pages).
		this.mvc.perform(page("/admin", session)).andExpect(redirectedUrl("/login/two-factor"));
		this.mvc.perform(get("/api/v1/admin/users").session(session)).andExpect(status().isUnauthorized());
		this.mvc.perform(page("/login/two-factor", session)).andExpect(redirectedUrl("/account/two-factor"));
		this.mvc.perform(page("/account/two-factor", session)).andExpect(status().isOk());
	}

	// Disabling

	@Test
	void disablingEndsLiveSessionsAtOnceAndTheLoginIsRefused() throws Exception {
		AccountUser learner = this.staff.learner();
		MockHttpSession browser = logIn(learner, TestAccounts.PASSWORD);
		MockHttpSession script = logIn(learner, TestAccounts.PASSWORD);
		MockHttpSession htmx = logIn(learner, TestAccounts.PASSWORD);
		MockHttpSession reader = logIn(learner, TestAccounts.PASSWORD);
		this.mvc.perform(page("/dashboard", browser)).andExpect(status().isOk());

		this.mvc
			.perform(
					post("/admin/users/" + learner.getUsername() + "/disable").with(fullLogin(this.admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());

		this.mvc.perform(page("/dashboard", browser)).andExpect(redirectedUrl("/login?expired"));
		assertThat(browser.isInvalid()).isTrue();
		this.mvc.perform(page("/dashboard", browser)).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get(API).session(script))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/dashboard").header("HX-Request", "true").session(htmx))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("HX-Redirect", "/login?expired"));
		// Public pages too: the visitor is told the session ended rather than quietly
		// logged out.
		this.mvc.perform(page("/", reader)).andExpect(redirectedUrl("/login?expired"));

		this.mvc.perform(login(learner.getUsername(), TestAccounts.PASSWORD)).andExpect(redirectedUrl("/login?error"));
		String loginPage = this.mvc.perform(get("/login").param("expired", ""))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(loginPage).select("main [role=status]").text())
			.isEqualTo("Your session has ended. Log in again to go on.");
	}

	@Test
	void enablingAgainDoesNotBringOldSessionsBack() throws Exception {
		AccountUser learner = this.staff.learner();
		MockHttpSession before = logIn(learner, TestAccounts.PASSWORD);

		setEnabled(learner, false);
		setEnabled(learner, true);

		this.mvc.perform(page("/dashboard", before)).andExpect(redirectedUrl("/login?expired"));
		MockHttpSession after = logIn(learner, TestAccounts.PASSWORD);
		this.mvc.perform(page("/dashboard", after)).andExpect(status().isOk());
	}

	// Temporary passwords

	@Test
	void aTemporaryPasswordEndsLiveSessionsAndMustBeReplacedAfterTheNextLogin() throws Exception {
		AccountUser learner = this.staff.learner();
		MockHttpSession old = logIn(learner, TestAccounts.PASSWORD);

		this.mvc
			.perform(post("/admin/users/" + learner.getUsername() + "/password").param("password", TEMPORARY)
				.with(fullLogin(this.admin))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());

		this.mvc.perform(page("/dashboard", old)).andExpect(redirectedUrl("/login?expired"));
		this.mvc.perform(login(learner.getUsername(), TestAccounts.PASSWORD)).andExpect(redirectedUrl("/login?error"));

		MockHttpSession session = logIn(learner, TEMPORARY);
		for (String path : new String[] { "/dashboard", "/account", "/", "/curricula/django-24-week-syllabus" }) {
			this.mvc.perform(page(path, session)).andExpect(redirectedUrl("/account/password/new"));
		}
		this.mvc.perform(get(API).session(session))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Password change required"));
		this.mvc.perform(get("/dashboard").header("HX-Request", "true").session(session))
			.andExpect(header().string("HX-Redirect", "/account/password/new"));
		this.mvc.perform(page("/account/password/new", session)).andExpect(status().isOk());

		String weak = newPassword(session, "qwertyuiop123").andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(weak).select("#newPassword-errors").text())
			.isEqualTo("This password is too common; choose one that is harder to guess.");
		String same = newPassword(session, TEMPORARY).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(same).select("#newPassword-errors").text())
			.isEqualTo("Choose a password other than the temporary one.");
		this.mvc.perform(page("/dashboard", session)).andExpect(redirectedUrl("/account/password/new"));

		newPassword(session, CHOSEN).andExpect(redirectedUrl("/account"));

		this.mvc.perform(page("/dashboard", session)).andExpect(status().isOk());
		this.mvc.perform(page("/account/password/new", session)).andExpect(redirectedUrl("/account"));
		assertThat(this.jdbc.queryForObject("select must_change_password from app_user where id = ?", Boolean.class,
				learner.id()))
			.isFalse();
		this.mvc.perform(login(learner.getUsername(), TEMPORARY)).andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(login(learner.getUsername(), CHOSEN)).andExpect(redirectedUrl("/dashboard"));
	}

	@Test
	void anAccountThatMustChangeItsPasswordCanStillLogOut() throws Exception {
		AccountUser learner = this.staff.learner();
		this.mvc
			.perform(post("/admin/users/" + learner.getUsername() + "/password").param("password", TEMPORARY)
				.with(fullLogin(this.admin))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		MockHttpSession session = logIn(learner, TEMPORARY);

		this.mvc.perform(post("/logout").with(csrf()).session(session)).andExpect(redirectedUrl("/?logout"));
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void theReplacementWithoutATemporaryPasswordIsRefused() throws Exception {
		AccountUser learner = this.staff.learner();
		MockHttpSession session = logIn(learner, TestAccounts.PASSWORD);
		String hash = hash(learner);

		this.mvc.perform(page("/account/password/new", session)).andExpect(redirectedUrl("/account"));
		newPassword(session, CHOSEN).andExpect(redirectedUrl("/account"));

		assertThat(hash(learner)).isEqualTo(hash);
	}

	// The user's own password

	@Test
	void changingTheOwnPasswordKeepsThisSessionAndEndsTheOthers() throws Exception {
		AccountUser learner = this.staff.learner();
		MockHttpSession here = logIn(learner, TestAccounts.PASSWORD);
		MockHttpSession elsewhere = logIn(learner, TestAccounts.PASSWORD);

		this.mvc
			.perform(post("/account/password").session(here)
				.with(csrf())
				.param("currentPassword", TestAccounts.PASSWORD)
				.param("newPassword", CHOSEN))
			.andExpect(redirectedUrl("/account"));

		this.mvc.perform(page("/dashboard", here)).andExpect(status().isOk());
		this.mvc.perform(page("/dashboard", elsewhere)).andExpect(redirectedUrl("/login?expired"));
	}

	private MockHttpSession logIn(AccountUser user, String password) throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(login(user.getUsername(), password).session(session)).andExpect(authenticated());
		return session;
	}

	private void changeRole(AccountUser user, String role) throws Exception {
		this.mvc
			.perform(patch("/api/v1/admin/users/" + user.getUsername()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"role\": \"" + role + "\"}")
				.with(fullLogin(this.admin))
				.with(csrf()))
			.andExpect(status().isOk());
	}

	private void setEnabled(AccountUser user, boolean enabled) throws Exception {
		this.mvc
			.perform(patch("/api/v1/admin/users/" + user.getUsername()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"enabled\": " + enabled + "}")
				.with(fullLogin(this.admin))
				.with(csrf()))
			.andExpect(status().isOk());
	}

	private ResultActions newPassword(MockHttpSession session, String password) throws Exception {
		return this.mvc
			.perform(post("/account/password/new").session(session).with(csrf()).param("newPassword", password));
	}

	private String hash(AccountUser user) {
		return this.jdbc.queryForObject("select password_hash from app_user where id = ?", String.class, user.id());
	}

	private static MockHttpServletRequestBuilder page(String path, MockHttpSession session) {
		return get(path).session(session).accept(MediaType.TEXT_HTML);
	}

	/** The login form as a browser posts it. */
	private static MockHttpServletRequestBuilder login(String username, String password) {
		return post("/login").with(csrf()).param("username", username).param("password", password);
	}

}
