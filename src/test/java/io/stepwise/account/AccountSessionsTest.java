package io.stepwise.account;

import io.stepwise.support.BrowserCookies;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
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

	@Autowired
	SessionRepository<? extends Session> sessions;

	private AccountUser admin;

	@BeforeEach
	void newAdmin() {
		this.admin = this.staff.admin();
	}

	// Roles

	@Test
	void aMentorDemotedToLearnerLosesTheMentorPagesWithTheNextRequestOfTheSameSession() throws Exception {
		AccountUser mentor = this.staff.mentor();
		BrowserCookies session = logIn(mentor, TestAccounts.PASSWORD);
		session.perform(page("/mentor")).andExpect(status().isOk());

		changeRole(mentor, "LEARNER");

		session.perform(page("/mentor")).andExpect(status().isForbidden());
		session.perform(get("/api/v1/cohorts"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		// Still logged in, as a learner (the dashboard is for learners).
		session.perform(page("/dashboard")).andExpect(status().isOk());
		assertThat(Jsoup.parse(session.perform(page("/dashboard")).andReturn().getResponse().getContentAsString())
			.select("header a[href=/mentor]")).isEmpty();
	}

	@Test
	void aLearnerPromotedToAdminIsAnAdminInTheSameSessionOnceTheyGiveTheSecondFactor() throws Exception {
		AccountUser learner = this.staff.learner();
		BrowserCookies session = logIn(learner, TestAccounts.PASSWORD);
		session.perform(page("/admin")).andExpect(status().isForbidden());

		changeRole(learner, "ADMIN");

		// The session is an admin's now, which needs the code from an app
		// (TwoFactorTest follows it through the set-up to the admin pages).
		session.perform(page("/admin")).andExpect(redirectedUrl("/login/two-factor"));
		session.perform(get("/api/v1/admin/users")).andExpect(status().isUnauthorized());
		session.perform(page("/login/two-factor")).andExpect(redirectedUrl("/account/two-factor"));
		session.perform(page("/account/two-factor")).andExpect(status().isOk());
	}

	// Disabling

	@Test
	void disablingEndsLiveSessionsAtOnceAndTheLoginIsRefused() throws Exception {
		AccountUser learner = this.staff.learner();
		BrowserCookies browser = logIn(learner, TestAccounts.PASSWORD);
		BrowserCookies script = logIn(learner, TestAccounts.PASSWORD);
		BrowserCookies htmx = logIn(learner, TestAccounts.PASSWORD);
		BrowserCookies reader = logIn(learner, TestAccounts.PASSWORD);
		browser.perform(page("/dashboard")).andExpect(status().isOk());

		this.mvc
			.perform(
					post("/admin/users/" + learner.getUsername() + "/disable").with(fullLogin(this.admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());

		browser.perform(page("/dashboard")).andExpect(redirectedUrl("/login?expired"));
		assertThat(browser.sessionDropped()).isTrue();
		browser.perform(page("/dashboard")).andExpect(redirectedUrl("/login"));
		script.perform(get(API))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		htmx.perform(get("/dashboard").header("HX-Request", "true"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("HX-Redirect", "/login?expired"));
		// Public pages too: the visitor is told the session ended rather than quietly
		// logged out.
		reader.perform(page("/")).andExpect(redirectedUrl("/login?expired"));

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
		BrowserCookies before = logIn(learner, TestAccounts.PASSWORD);

		setEnabled(learner, false);
		setEnabled(learner, true);

		before.perform(page("/dashboard")).andExpect(redirectedUrl("/login?expired"));
		BrowserCookies after = logIn(learner, TestAccounts.PASSWORD);
		after.perform(page("/dashboard")).andExpect(status().isOk());
	}

	// Temporary passwords

	@Test
	void aTemporaryPasswordEndsLiveSessionsAndMustBeReplacedAfterTheNextLogin() throws Exception {
		AccountUser learner = this.staff.learner();
		BrowserCookies old = logIn(learner, TestAccounts.PASSWORD);

		this.mvc
			.perform(post("/admin/users/" + learner.getUsername() + "/password").param("password", TEMPORARY)
				.with(fullLogin(this.admin))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());

		old.perform(page("/dashboard")).andExpect(redirectedUrl("/login?expired"));
		this.mvc.perform(login(learner.getUsername(), TestAccounts.PASSWORD)).andExpect(redirectedUrl("/login?error"));

		BrowserCookies session = logIn(learner, TEMPORARY);
		for (String path : new String[] { "/dashboard", "/account", "/", "/curricula/django-24-week-syllabus" }) {
			session.perform(page(path)).andExpect(redirectedUrl("/account/password/new"));
		}
		session.perform(get(API))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Password change required"));
		session.perform(get("/dashboard").header("HX-Request", "true"))
			.andExpect(header().string("HX-Redirect", "/account/password/new"));
		session.perform(page("/account/password/new")).andExpect(status().isOk());

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
		session.perform(page("/dashboard")).andExpect(redirectedUrl("/account/password/new"));

		newPassword(session, CHOSEN).andExpect(redirectedUrl("/account"));

		session.perform(page("/dashboard")).andExpect(status().isOk());
		session.perform(page("/account/password/new")).andExpect(redirectedUrl("/account"));
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
		BrowserCookies session = logIn(learner, TEMPORARY);

		session.perform(post("/logout").with(csrf())).andExpect(redirectedUrl("/?logout"));
		assertThat(session.sessionDropped()).isTrue();
	}

	@Test
	void theReplacementWithoutATemporaryPasswordIsRefused() throws Exception {
		AccountUser learner = this.staff.learner();
		BrowserCookies session = logIn(learner, TestAccounts.PASSWORD);
		String hash = hash(learner);

		session.perform(page("/account/password/new")).andExpect(redirectedUrl("/account"));
		newPassword(session, CHOSEN).andExpect(redirectedUrl("/account"));

		assertThat(hash(learner)).isEqualTo(hash);
	}

	// The user's own password

	@Test
	void changingTheOwnPasswordKeepsThisSessionUnderANewIdAndEndsTheOthers() throws Exception {
		AccountUser learner = this.staff.learner();
		BrowserCookies here = logIn(learner, TestAccounts.PASSWORD);
		BrowserCookies elsewhere = logIn(learner, TestAccounts.PASSWORD);
		String idBefore = here.sessionId();

		here.perform(post("/account/password").with(csrf())
			.param("currentPassword", TestAccounts.PASSWORD)
			.param("newPassword", CHOSEN)).andExpect(redirectedUrl("/account"));

		assertThat(here.sessionId()).isNotNull().isNotEqualTo(idBefore);
		assertThat(this.sessions.findById(idBefore)).isNull();
		here.perform(page("/dashboard")).andExpect(status().isOk());
		elsewhere.perform(page("/dashboard")).andExpect(redirectedUrl("/login?expired"));
		assertThat(elsewhere.sessionDropped()).isTrue();
	}

	private BrowserCookies logIn(AccountUser user, String password) throws Exception {
		BrowserCookies session = new BrowserCookies(this.mvc);
		session.perform(login(user.getUsername(), password)).andExpect(authenticated());
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

	private ResultActions newPassword(BrowserCookies session, String password) throws Exception {
		return session.perform(post("/account/password/new").with(csrf()).param("newPassword", password));
	}

	private String hash(AccountUser user) {
		return this.jdbc.queryForObject("select password_hash from app_user where id = ?", String.class, user.id());
	}

	private static MockHttpServletRequestBuilder page(String path) {
		return get(path).accept(MediaType.TEXT_HTML);
	}

	/** The login form as a browser posts it. */
	private static MockHttpServletRequestBuilder login(String username, String password) {
		return post("/login").with(csrf()).param("username", username).param("password", password);
	}

}
