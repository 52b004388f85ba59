package io.stepwise.account;

import java.time.Instant;
import java.util.List;

import io.stepwise.support.Authenticator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The second factor through the pages, as a user meets it: set-up, the login's second
 * step, recovery codes, replays, too many wrong codes, turning it off.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(StaffAccounts.class)
class TwoFactorTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts staff;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aLearnerLogsInWithThePasswordAloneUntilTheyTurnItOn() throws Exception {
		AccountUser learner = this.staff.learner();
		MockHttpSession session = logIn(learner);
		this.mvc.perform(get("/dashboard").session(session)).andExpect(status().isOk());
		Document account = page(get("/account").session(session));
		assertThat(account.select("a[href=/account/two-factor]")).hasSize(1);
	}

	@Test
	void setUpRefusesAWrongCodeThenTurnsOnWithTheRightOneAndShowsTenRecoveryCodesOnce() throws Exception {
		AccountUser learner = this.staff.learner();
		MockHttpSession session = logIn(learner);
		Authenticator app = startSetUp(session);

		String wrong = otherThan(app.codeAt(Instant.now()));
		MvcResult refused = this.mvc
			.perform(post("/account/two-factor/confirm").param("code", wrong).session(session).with(csrf()))
			.andExpect(status().isOk())
			.andReturn();
		Document refusedPage = Jsoup.parse(refused.getResponse().getContentAsString());
		assertThat(refusedPage.select("#code[aria-invalid=true]")).hasSize(1);
		assertThat(enabled(learner)).isFalse();

		String sessionBefore = session.getId();
		Document codes = Jsoup.parse(
				this.mvc
					.perform(post("/account/two-factor/confirm").param("code", app.codeAt(Instant.now()))
						.session(session)
						.with(csrf()))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString());
		assertThat(codes.select("#recovery-codes li")).hasSize(10);
		assertThat(enabled(learner)).isTrue();
		assertThat(session.getId()).as("a new session id with the new factor").isNotEqualTo(sessionBefore);
		assertThat(factors(session)).contains("FACTOR_PASSWORD", "FACTOR_TOTP");

		// Shown once: the account page has the count, not the codes.
		String account = this.mvc.perform(get("/account").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(account).doesNotContain(codes.select("#recovery-codes li").first().text());
		assertThat(this.jdbc.queryForList("select code_hash from two_factor_recovery_code where account_id = ?",
				String.class, learner.id()))
			.hasSize(10)
			.doesNotContain(codes.select("#recovery-codes li").first().text());
	}

	@Test
	void onceOnTheLoginNeedsTheCodeBeforeAnythingElseAndTheSessionIdChangesAgain() throws Exception {
		AccountUser learner = this.staff.learner();
		Enrolled enrolled = enrol(learner);

		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(login(learner).session(session)).andExpect(redirectedUrl("/login/two-factor"));
		assertThat(factors(session)).contains("FACTOR_PASSWORD").doesNotContain("FACTOR_TOTP");
		this.mvc.perform(get("/dashboard").session(session)).andExpect(redirectedUrl("/login/two-factor"));
		this.mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/login/two-factor"));
		this.mvc.perform(get("/api/v1/me/progress/django-24-week-syllabus").session(session))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Second factor required"));
		this.mvc.perform(get("/dashboard").header("HX-Request", "true").session(session))
			.andExpect(header().string("HX-Redirect", "/login/two-factor"));
		// The password alone cannot set up another app in place of this one.
		this.mvc.perform(post("/account/two-factor/secret").session(session).with(csrf()))
			.andExpect(redirectedUrl("/account"));
		assertThat(secret(learner)).isEqualTo(enrolled.storedSecret());

		this.mvc.perform(get("/login/two-factor").session(session)).andExpect(status().isOk());
		String idBefore = session.getId();
		this.mvc
			.perform(post("/login/two-factor").param("code", enrolled.app().nextCodeAfter(Instant.now()))
				.session(session)
				.with(csrf()))
			.andExpect(redirectedUrl("/dashboard?continue"));
		assertThat(session.getId()).isNotEqualTo(idBefore);
		assertThat(factors(session)).contains("FACTOR_PASSWORD", "FACTOR_TOTP");
		this.mvc.perform(get("/dashboard").session(session)).andExpect(status().isOk());
	}

	@Test
	void aCodeIsTakenOnceOnly() throws Exception {
		AccountUser learner = this.staff.learner();
		Enrolled enrolled = enrol(learner);
		String code = enrolled.app().nextCodeAfter(Instant.now());

		MockHttpSession first = passwordStep(learner);
		this.mvc.perform(post("/login/two-factor").param("code", code).session(first).with(csrf()))
			.andExpect(redirectedUrl("/dashboard"));

		MockHttpSession second = passwordStep(learner);
		Document replayed = page(post("/login/two-factor").param("code", code).session(second).with(csrf()));
		assertThat(replayed.select("#code-errors").text()).contains("used already");
		this.mvc.perform(get("/dashboard").session(second)).andExpect(redirectedUrl("/login/two-factor"));
	}

	@Test
	void aRecoveryCodeLogsInOnceOnly() throws Exception {
		AccountUser learner = this.staff.learner();
		Enrolled enrolled = enrol(learner);
		String recovery = enrolled.recoveryCodes().get(3).toUpperCase();

		MockHttpSession first = passwordStep(learner);
		this.mvc.perform(post("/login/two-factor").param("code", recovery).session(first).with(csrf()))
			.andExpect(redirectedUrl("/dashboard"));
		assertThat(factors(first)).contains("FACTOR_TOTP");

		MockHttpSession second = passwordStep(learner);
		Document refused = page(post("/login/two-factor").param("code", recovery).session(second).with(csrf()));
		assertThat(refused.select("#code-errors")).hasSize(1);
		this.mvc.perform(get("/dashboard").session(second)).andExpect(redirectedUrl("/login/two-factor"));
		assertThat(page(get("/account").session(first)).text()).contains("Recovery codes left: 9");
	}

	@Test
	void newRecoveryCodesReplaceTheOldOnes() throws Exception {
		AccountUser learner = this.staff.learner();
		Enrolled enrolled = enrol(learner);
		Document renewed = page(post("/account/two-factor/recovery-codes").session(enrolled.session()).with(csrf()));
		List<String> codes = renewed.select("#recovery-codes li").eachText();
		assertThat(codes).hasSize(10).doesNotContainAnyElementsOf(enrolled.recoveryCodes());

		MockHttpSession old = passwordStep(learner);
		this.mvc
			.perform(post("/login/two-factor").param("code", enrolled.recoveryCodes().get(0)).session(old).with(csrf()))
			.andExpect(status().isOk());
		this.mvc.perform(get("/dashboard").session(old)).andExpect(redirectedUrl("/login/two-factor"));
		// Back to the page it asked for.
		this.mvc.perform(post("/login/two-factor").param("code", codes.get(0)).session(old).with(csrf()))
			.andExpect(redirectedUrl("/dashboard?continue"));
	}

	@Test
	void thePasswordAloneMakesNoNewRecoveryCodesAndDoesNotTurnItOff() throws Exception {
		AccountUser learner = this.staff.learner();
		enrol(learner);
		MockHttpSession session = passwordStep(learner);
		this.mvc.perform(post("/account/two-factor/recovery-codes").session(session).with(csrf()))
			.andExpect(redirectedUrl("/login/two-factor"));
		this.mvc
			.perform(post("/account/two-factor/disable").param("codeOrPassword", TestAccounts.PASSWORD)
				.session(session)
				.with(csrf()))
			.andExpect(redirectedUrl("/login/two-factor"));
		assertThat(enabled(learner)).isTrue();
		assertThat(this.jdbc.queryForObject("select count(*) from two_factor_recovery_code where account_id = ?",
				Integer.class, learner.id()))
			.isEqualTo(10);
	}

	@Test
	void afterFiveWrongCodesEvenTheRightOneIsRefusedWith429() throws Exception {
		AccountUser learner = this.staff.learner();
		Enrolled enrolled = enrol(learner);
		MockHttpSession session = passwordStep(learner);
		String right = enrolled.app().nextCodeAfter(Instant.now());
		String wrong = otherThan(right);
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(post("/login/two-factor").param("code", wrong).session(session).with(csrf()))
				.andExpect(status().isOk());
		}
		MvcResult throttled = this.mvc
			.perform(post("/login/two-factor").param("code", right).session(session).with(csrf()))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andReturn();
		assertThat(Jsoup.parse(throttled.getResponse().getContentAsString()).select("#code-errors").text())
			.contains("Too many wrong codes");
		this.mvc.perform(get("/dashboard").session(session)).andExpect(redirectedUrl("/login/two-factor"));
		// The right code was not checked, so it is still unused once the window is over.
		assertThat(this.jdbc.queryForObject("select last_used_step from two_factor_secret where account_id = ?",
				Long.class, learner.id()))
			.isLessThan(Instant.now().getEpochSecond() / 30 + 1);
	}

	@Test
	void aLearnerTurnsItOffWithTheirPasswordButNotWithAWrongOne() throws Exception {
		AccountUser learner = this.staff.learner();
		Enrolled enrolled = enrol(learner);
		MockHttpSession session = enrolled.session();

		this.mvc
			.perform(post("/account/two-factor/disable").param("codeOrPassword", "not the password")
				.session(session)
				.with(csrf()))
			.andExpect(redirectedUrl("/account"));
		assertThat(enabled(learner)).isTrue();

		this.mvc
			.perform(post("/account/two-factor/disable").param("codeOrPassword", TestAccounts.PASSWORD)
				.session(session)
				.with(csrf()))
			.andExpect(redirectedUrl("/account"));
		assertThat(enabled(learner)).isFalse();
		assertThat(secret(learner)).isNull();
		this.mvc.perform(login(learner)).andExpect(redirectedUrl("/dashboard"));
	}

	@Test
	void anAdminWithoutAnAppIsSentToTheSetUpAndReachesNothingElse() throws Exception {
		AccountUser admin = this.staff.admin();
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(login(admin).session(session)).andExpect(redirectedUrl("/login/two-factor"));
		this.mvc.perform(get("/login/two-factor").session(session)).andExpect(redirectedUrl("/account/two-factor"));
		for (String path : List.of("/admin", "/admin/users", "/account", "/dashboard", "/mentor")) {
			this.mvc.perform(get(path).session(session)).andExpect(redirectedUrl("/login/two-factor"));
		}
		this.mvc.perform(get("/api/v1/admin/users").session(session)).andExpect(status().isUnauthorized());
		Document setUp = page(get("/account/two-factor").session(session));
		assertThat(setUp.select("form[action=/account/two-factor/secret]")).hasSize(1);

		Authenticator app = startSetUp(session);
		this.mvc
			.perform(post("/account/two-factor/confirm").param("code", app.codeAt(Instant.now()))
				.session(session)
				.with(csrf()))
			.andExpect(status().isOk());
		this.mvc.perform(get("/admin").session(session)).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/admin/users").session(session)).andExpect(status().isOk());

		// Admins keep it on.
		this.mvc
			.perform(post("/account/two-factor/disable").param("codeOrPassword", TestAccounts.PASSWORD)
				.session(session)
				.with(csrf()))
			.andExpect(redirectedUrl("/account"));
		assertThat(enabled(admin)).isTrue();
	}

	@Test
	void aLoginRaisedToAdminMustGiveTheSecondFactorNext() throws Exception {
		AccountUser learner = this.staff.learner();
		MockHttpSession session = logIn(learner);
		this.mvc.perform(get("/dashboard").session(session)).andExpect(status().isOk());

		this.jdbc.update("update app_user set role = 'ADMIN' where id = ?", learner.id());

		this.mvc.perform(get("/admin").session(session)).andExpect(redirectedUrl("/login/two-factor"));
		this.mvc.perform(get("/dashboard").session(session)).andExpect(redirectedUrl("/login/two-factor"));
		this.mvc.perform(get("/login/two-factor").session(session)).andExpect(redirectedUrl("/account/two-factor"));
		assertThat(factors(session)).contains("FACTOR_PASSWORD", "ROLE_ADMIN").doesNotContain("FACTOR_TOTP");
	}

	@Test
	void aRoleChangeKeepsTheSecondFactorOfTheSession() throws Exception {
		AccountUser learner = this.staff.learner();
		Enrolled enrolled = enrol(learner);
		MockHttpSession session = enrolled.session();

		this.jdbc.update("update app_user set role = 'ADMIN' where id = ?", learner.id());

		this.mvc.perform(get("/admin").session(session)).andExpect(status().isOk());
		assertThat(factors(session)).contains("FACTOR_PASSWORD", "FACTOR_TOTP", "ROLE_ADMIN");
	}

	private Enrolled enrol(AccountUser user) throws Exception {
		MockHttpSession session = logIn(user);
		Authenticator app = startSetUp(session);
		Document codes = page(post("/account/two-factor/confirm").param("code", app.codeAt(Instant.now()))
			.session(session)
			.with(csrf()));
		List<String> recovery = codes.select("#recovery-codes li").eachText();
		assertThat(recovery).hasSize(10);
		return new Enrolled(app, recovery, secret(user), session);
	}

	private Authenticator startSetUp(MockHttpSession session) throws Exception {
		this.mvc.perform(post("/account/two-factor/secret").session(session).with(csrf()))
			.andExpect(redirectedUrl("/account/two-factor"));
		Document setUp = page(get("/account/two-factor").session(session));
		assertThat(setUp.select("svg.qr-code[role=img][aria-label] path[d]")).hasSize(1);
		assertThat(setUp.select("head title")).hasSize(1);
		assertThat(setUp.select("svg.qr-code [style], svg.qr-code[style]")).isEmpty();
		return new Authenticator(setUp.select("#two-factor-secret").text());
	}

	/** Logs in with the password, for an account that then needs the code. */
	private MockHttpSession passwordStep(AccountUser user) throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(login(user).session(session)).andExpect(redirectedUrl("/login/two-factor"));
		return session;
	}

	private MockHttpSession logIn(AccountUser user) throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(login(user).session(session)).andExpect(status().is3xxRedirection());
		return session;
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder login(AccountUser user) {
		return post("/login").param("username", user.getUsername())
			.param("password", TestAccounts.PASSWORD)
			.with(csrf());
	}

	private Document page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return Jsoup.parse(this.mvc.perform(request).andReturn().getResponse().getContentAsString());
	}

	private boolean enabled(AccountUser user) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject("select two_factor_enabled from app_user where id = ?",
				Boolean.class, user.id()));
	}

	private String secret(AccountUser user) {
		return this.jdbc
			.queryForList("select secret from two_factor_secret where account_id = ?", String.class, user.id())
			.stream()
			.findFirst()
			.orElse(null);
	}

	private static List<String> factors(MockHttpSession session) {
		SecurityContext context = (SecurityContext) session
			.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		return context.getAuthentication().getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
	}

	private static String otherThan(String code) {
		return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
	}

	private record Enrolled(Authenticator app, List<String> recoveryCodes, String storedSecret,
			MockHttpSession session) {
	}

}
