package io.stepwise.account;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.WebAttributes;
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

	@Test
	void loginWithTheRightPasswordLeadsToTheDashboardWithANewSessionId() throws Exception {
		AccountUser learner = this.accounts.learner();
		MockHttpSession session = new MockHttpSession();
		String idBefore = session.getId();

		this.mvc.perform(login(learner.getUsername(), TestAccounts.PASSWORD).session(session))
			.andExpect(redirectedUrl("/dashboard"))
			.andExpect(authenticated().withUsername(learner.getUsername()).withRoles("LEARNER"));

		assertThat(session.getId()).isNotEqualTo(idBefore);
		this.mvc.perform(get("/dashboard").session(session)).andExpect(status().isOk());
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
		MockHttpSession wrongPassword = new MockHttpSession();
		MockHttpSession unknownUser = new MockHttpSession();

		this.mvc.perform(login(learner.getUsername(), TestAccounts.PASSWORD + "!").session(wrongPassword))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated());
		this.mvc.perform(login("nobody-" + learner.getUsername(), TestAccounts.PASSWORD).session(unknownUser))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated());

		// What the failure leaves in the session is what a page could show: the same.
		Object wrongPasswordError = wrongPassword.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		Object unknownUserError = unknownUser.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
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
		MockHttpSession session = loggedIn();

		MvcResult result = this.mvc.perform(get("/logout").session(session)).andReturn();

		assertThat(result.getResponse().getRedirectedUrl()).isNotEqualTo("/?logout");
		this.mvc.perform(get("/dashboard").session(session)).andExpect(status().isOk());
	}

	@Test
	void logoutWithoutCsrfTokenIsRefused() throws Exception {
		MockHttpSession session = loggedIn();

		this.mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());

		this.mvc.perform(get("/dashboard").session(session)).andExpect(status().isOk());
	}

	@Test
	void postLogoutWithCsrfTokenEndsTheSession() throws Exception {
		MockHttpSession session = loggedIn();

		this.mvc.perform(post("/logout").with(csrf()).session(session))
			.andExpect(redirectedUrl("/?logout"))
			.andExpect(unauthenticated());

		assertThat(session.isInvalid()).isTrue();
		this.mvc.perform(get("/dashboard").session(session).accept(MediaType.TEXT_HTML))
			.andExpect(redirectedUrl("/login"));
	}

	private MockHttpSession loggedIn() throws Exception {
		AccountUser learner = this.accounts.learner();
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(login(learner.getUsername(), TestAccounts.PASSWORD).session(session))
			.andExpect(authenticated());
		return session;
	}

	private String loginPageText(MockHttpSession session) throws Exception {
		String html = this.mvc.perform(get("/login?error").session(session))
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
