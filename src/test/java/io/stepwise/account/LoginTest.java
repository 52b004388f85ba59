package io.stepwise.account;

import io.stepwise.support.BrowserCookies;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.WebAttributes;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestAccounts.class)
class LoginTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	SessionRepository<? extends Session> sessions;

	@Test
	void loginWithTheRightPasswordLeadsToTheDashboardWithANewSessionId() throws Exception {
		AccountUser learner = this.accounts.learner();
		BrowserCookies session = new BrowserCookies(this.mvc);
		session.perform(get("/login")).andExpect(status().isOk());
		String idBefore = session.sessionId();
		assertThat(idBefore).isNotNull();

		session.perform(login(learner.getUsername(), TestAccounts.PASSWORD))
			.andExpect(redirectedUrl("/dashboard"))
			.andExpect(authenticated().withUsername(learner.getUsername()).withRoles("LEARNER"));

		assertThat(session.sessionId()).isNotNull().isNotEqualTo(idBefore);
		assertThat(this.sessions.findById(idBefore)).isNull();
		session.perform(get("/dashboard")).andExpect(status().isOk());
	}

	@Test
	void loginIgnoresTheCaseOfTheUsername() throws Exception {
		AccountUser learner = this.accounts.learner();
		this.mvc.perform(login(learner.getUsername().toUpperCase(), TestAccounts.PASSWORD))
			.andExpect(redirectedUrl("/dashboard"))
			.andExpect(authenticated().withUsername(learner.getUsername()));
	}

	@Test
	void wrongPasswordAndUnknownUsernameLookTheSame() throws Exception {
		AccountUser learner = this.accounts.learner();
		BrowserCookies wrongPassword = new BrowserCookies(this.mvc);
		BrowserCookies unknownUser = new BrowserCookies(this.mvc);

		wrongPassword.perform(login(learner.getUsername(), TestAccounts.PASSWORD + "!"))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated());
		unknownUser.perform(login("nobody-" + learner.getUsername(), TestAccounts.PASSWORD))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated());

		// What the failure leaves in the session is what a page could show: the same.
		Object wrongPasswordError = this.sessions.findById(wrongPassword.sessionId())
			.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		Object unknownUserError = this.sessions.findById(unknownUser.sessionId())
			.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		assertThat(wrongPasswordError).isExactlyInstanceOf(BadCredentialsException.class);
		assertThat(unknownUserError).isExactlyInstanceOf(BadCredentialsException.class);
		assertThat(((Exception) unknownUserError).getMessage())
			.isEqualTo(((Exception) wrongPasswordError).getMessage());

		String wrongPasswordPage = loginPageText(wrongPassword);
		assertThat(wrongPasswordPage).contains("The username or password is not right.");
		assertThat(loginPageText(unknownUser)).isEqualTo(wrongPasswordPage);
	}

	@Test
	void getLogoutDoesNotLogOut() throws Exception {
		BrowserCookies session = loggedIn();

		MvcResult result = session.perform(get("/logout")).andReturn();

		assertThat(result.getResponse().getRedirectedUrl()).isNotEqualTo("/?logout");
		session.perform(get("/dashboard")).andExpect(status().isOk());
	}

	@Test
	void logoutWithoutCsrfTokenIsRefused() throws Exception {
		BrowserCookies session = loggedIn();

		session.perform(post("/logout")).andExpect(status().isForbidden());

		session.perform(get("/dashboard")).andExpect(status().isOk());
	}

	@Test
	void postLogoutWithCsrfTokenEndsTheSession() throws Exception {
		BrowserCookies session = loggedIn();
		String id = session.sessionId();

		session.perform(post("/logout").with(csrf())).andExpect(redirectedUrl("/?logout")).andExpect(unauthenticated());

		assertThat(session.sessionDropped()).isTrue();
		assertThat(this.sessions.findById(id)).isNull();
		session.perform(get("/dashboard").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
	}

	private BrowserCookies loggedIn() throws Exception {
		AccountUser learner = this.accounts.learner();
		BrowserCookies session = new BrowserCookies(this.mvc);
		session.perform(login(learner.getUsername(), TestAccounts.PASSWORD)).andExpect(authenticated());
		return session;
	}

	private String loginPageText(BrowserCookies session) throws Exception {
		String html = session.perform(get("/login?error"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(html).body().text();
	}

	/** The login form as a browser posts it. */
	private static MockHttpServletRequestBuilder login(String username, String password) {
		return post("/login").with(csrf()).param("username", username).param("password", password);
	}

}
