package io.stepwise.account;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Live sessions, logged in with the form as a browser does, follow what the database says
 * of their account on their very next request.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(StaffAccounts.class)
class AccountSessionsTest {

	private static final String API = "/api/v1/me/progress/django-24-week-syllabus";

	private static final String CHOSEN = "copper kettles on a windowsill";

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts staff;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aRoleTakenAwayInTheDatabaseCountsOnTheNextRequestOfTheSameSession() throws Exception {
		AccountUser mentor = this.staff.mentor();
		MockHttpSession session = logIn(mentor, TestAccounts.PASSWORD);
		this.mvc.perform(page("/mentor", session)).andExpect(status().isOk());

		this.jdbc.update("update app_user set role = 'LEARNER' where id = ?", mentor.id());

		this.mvc.perform(page("/mentor", session)).andExpect(status().isForbidden());
		this.mvc.perform(page("/dashboard", session))
			.andExpect(status().isOk())
			.andExpect(authenticated().withRoles("LEARNER"));
	}

	@Test
	void aDisabledAccountLosesItsSessionsAtOnce() throws Exception {
		AccountUser learner = this.staff.learner();
		MockHttpSession browser = logIn(learner, TestAccounts.PASSWORD);
		MockHttpSession script = logIn(learner, TestAccounts.PASSWORD);
		MockHttpSession htmx = logIn(learner, TestAccounts.PASSWORD);

		this.jdbc.update("update app_user set enabled = false where id = ?", learner.id());

		this.mvc.perform(page("/dashboard", browser)).andExpect(redirectedUrl("/login?expired"));
		assertThat(browser.isInvalid()).isTrue();
		this.mvc.perform(get(API).session(script))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/dashboard").header("HX-Request", "true").session(htmx))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("HX-Redirect", "/login?expired"));
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
