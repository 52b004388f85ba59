package io.stepwise.account;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.stepwise.support.FullLogin.fullLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestAccounts.class)
class RoleAccessTest {

	private static final String PASSWORD = "quiet meadow at first light";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	AccountRepository repository;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void aLearnerCannotReachAdminOrMentorPages() throws Exception {
		AccountUser learner = this.accounts.learner();
		this.mvc.perform(get("/admin/curricula").with(user(learner))).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin").with(user(learner))).andExpect(status().isForbidden());
		this.mvc.perform(get("/mentor/cohorts").with(user(learner))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/cohorts/1").with(user(learner)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void aMentorCannotReachAdminPagesButReachesLearnerPages() throws Exception {
		AccountUser mentor = create(Role.MENTOR);
		this.mvc.perform(get("/admin/curricula").with(user(mentor))).andExpect(status().isForbidden());
		this.mvc.perform(get("/mentor/cohorts").with(user(mentor))).andExpect(status().is(404));
		this.mvc.perform(get("/dashboard").with(user(mentor))).andExpect(status().isOk());
	}

	@Test
	void anAdminReachesLearnerAndMentorPages() throws Exception {
		AccountUser admin = create(Role.ADMIN);

		String dashboard = this.mvc.perform(get("/dashboard").with(fullLogin(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// The page's own role checks know the hierarchy too: the admin gets the learner's
		// navigation.
		assertThat(Jsoup.parse(dashboard).select("header a[href=/dashboard]")).hasSize(1);
		this.mvc.perform(get("/account").with(fullLogin(admin))).andExpect(status().isOk());
		this.mvc.perform(get("/admin/curricula").with(fullLogin(admin))).andExpect(status().isOk());
		// Past the role check, only the missing page answers.
		this.mvc.perform(get("/mentor/cohorts").with(fullLogin(admin))).andExpect(status().is(404));
		this.mvc.perform(get("/admin/no-such-page").with(fullLogin(admin))).andExpect(status().is(404));
	}

	@Test
	void anAdminLogsInWithTheFormLikeEveryoneElseThenGivesTheSecondFactor() throws Exception {
		AccountUser admin = create(Role.ADMIN);
		this.mvc.perform(login(admin.getUsername(), PASSWORD))
			.andExpect(redirectedUrl("/login/two-factor"))
			.andExpect(authenticated().withRoles("ADMIN"));
	}

	@Test
	void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
		for (String page : new String[] { "/dashboard", "/account", "/admin/curricula", "/mentor/cohorts" }) {
			this.mvc.perform(get(page).accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
			// Whatever the client accepts: only the API answers 401.
			this.mvc.perform(get(page)).andExpect(redirectedUrl("/login"));
		}
		this.mvc.perform(get("/api/v1/me/progress/django-24-week-syllabus")).andExpect(status().isUnauthorized());
	}

	/** Only the bootstrap makes administrators; tests store one directly. */
	private AccountUser create(Role role) {
		String name = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
		return this.repository
			.save(new Account(name, name + "@example.org", "Staff " + name, this.passwordEncoder.encode(PASSWORD), role,
					ZoneId.of("UTC"), Instant.now()))
			.toUser();
	}

	/** The login form as a browser posts it. */
	private static MockHttpServletRequestBuilder login(String username, String password) {
		return post("/login").with(csrf()).param("username", username).param("password", password);
	}

}
