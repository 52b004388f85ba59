package io.stepwise.system;

import org.junit.jupiter.api.Test;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
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
		MockHttpSession session = new MockHttpSession();
		String token = token(session, learner);
		for (String query : new String[] { "_csrf=", "%5Fcsrf=", "x=1&_csrf=" }) {
			this.mvc
				.perform(post("/account/profile?" + query + token).session(session)
					.with(user(learner))
					.param("displayName", "Changed From The Address")
					.param("timeZone", "UTC"))
				.andExpect(status().isForbidden());
		}
		// in the address and the body at once: still refused
		this.mvc
			.perform(post("/account/profile?_csrf=" + token).session(session)
				.with(user(learner))
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
		MockHttpSession session = new MockHttpSession();
		String token = token(session, learner);
		this.mvc
			.perform(post("/account/profile").session(session)
				.with(user(learner))
				.param("_csrf", token)
				.param("displayName", "Changed In The Body")
				.param("timeZone", "UTC"))
			.andExpect(status().is3xxRedirection());
		// the profile change logged the user in again, with a new token
		String next = token(session, learner);
		this.mvc
			.perform(post("/account/profile").session(session)
				.with(user(learner))
				.header("X-CSRF-TOKEN", next)
				.param("displayName", "Changed By A Script")
				.param("timeZone", "UTC"))
			.andExpect(status().is3xxRedirection());
		assertThat(
				this.jdbc.queryForObject("select display_name from app_user where id = ?", String.class, learner.id()))
			.isEqualTo("Changed By A Script");
	}

	private String token(MockHttpSession session, AccountUser learner) throws Exception {
		CsrfToken token = (CsrfToken) this.mvc.perform(get("/account").session(session).with(user(learner)))
			.andExpect(status().isOk())
			.andReturn()
			.getRequest()
			.getAttribute(CsrfToken.class.getName());
		return token.getToken();
	}

}
