package io.stepwise.system;

import org.junit.jupiter.api.Test;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.support.BrowserCookies;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.security.web.csrf.CsrfToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The CSRF token counts only in its header or the form body: the same token in the
 * address is refused, and nothing is written.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestAccounts.class)
class CsrfTokenPlacementTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aTokenInTheQueryStringIsRefusedAndNothingIsStored() throws Exception {
		AccountUser learner = this.accounts.learner();
		BrowserCookies browser = new BrowserCookies(this.mvc);
		String token = token(browser, learner);
		for (String query : new String[] { "_csrf=", "%5Fcsrf=", "x=1&_csrf=" }) {
			browser
				.perform(post("/account/profile?" + query + token).with(user(learner))
					.param("displayName", "Changed From The Address")
					.param("timeZone", "UTC"))
				.andExpect(status().isForbidden());
		}
		// in the address and the body at once: still refused
		browser
			.perform(post("/account/profile?_csrf=" + token).with(user(learner))
				.param("_csrf", token)
				.param("displayName", "Changed From The Address")
				.param("timeZone", "UTC"))
			.andExpect(status().isForbidden());
		assertThat(
				this.jdbc.queryForObject("select display_name from app_user where id = ?", String.class, learner.id()))
			.isEqualTo(learner.getDisplayName());
	}

	@Test
	void theSameTokenInTheBodyOrTheHeaderIsTaken() throws Exception {
		AccountUser learner = this.accounts.learner();
		BrowserCookies browser = new BrowserCookies(this.mvc);
		String token = token(browser, learner);
		browser
			.perform(post("/account/profile").with(user(learner))
				.param("_csrf", token)
				.param("displayName", "Changed In The Body")
				.param("timeZone", "UTC"))
			.andExpect(status().is3xxRedirection());
		// the profile change logged the user in again, with a new token
		String next = token(browser, learner);
		browser
			.perform(post("/account/profile").with(user(learner))
				.header("X-CSRF-TOKEN", next)
				.param("displayName", "Changed By A Script")
				.param("timeZone", "UTC"))
			.andExpect(status().is3xxRedirection());
		assertThat(
				this.jdbc.queryForObject("select display_name from app_user where id = ?", String.class, learner.id()))
			.isEqualTo("Changed By A Script");
	}

	private String token(BrowserCookies browser, AccountUser learner) throws Exception {
		CsrfToken token = (CsrfToken) browser.perform(get("/account").with(user(learner)))
			.andExpect(status().isOk())
			.andReturn()
			.getRequest()
			.getAttribute(CsrfToken.class.getName());
		return token.getToken();
	}

}
