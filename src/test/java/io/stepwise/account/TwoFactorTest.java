package io.stepwise.account;

import java.time.Instant;
import java.util.List;

import io.stepwise.support.Authenticator;
import io.stepwise.support.BrowserCookies;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

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
@ExtendWith(OutputCaptureExtension.class)
class TwoFactorTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts staff;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SessionRepository<? extends Session> sessions;

	@Test
	void aLearnerLogsInWithThePasswordAloneUntilTheyTurnItOn() throws Exception {
		AccountUser learner = this.staff.learner();
		BrowserCookies session = logIn(learner);
		session.perform(get("/dashboard")).andExpect(status().isOk());
		Document account = page(session, get("/account"));
		assertThat(account.select("a[href=/account/two-factor]")).hasSize(1);
	}

	@Test
	void setUpRefusesAWrongCodeThenTurnsOnWithTheRightOneAndShowsTenRecoveryCodesOnce() throws Exception {
		AccountUser learner = this.staff.learner();
		BrowserCookies session = logIn(learner);
		Authenticator app = startSetUp(session);

		String wrong = otherThan(app.codeAt(Instant.now()));
		MvcResult refused = session.perform(post("/account/two-factor/confirm").param("code", wrong).with(csrf()))
			.andExpect(status().isOk())
			.andReturn();
		Document refusedPage = Jsoup.parse(refused.getResponse().getContentAsString());
		assertThat(refusedPage.select("#code[aria-invalid=true]")).hasSize(1);
		assertThat(enabled(learner)).isFalse();

		String sessionBefore = session.sessionId();
		Document codes = Jsoup.parse(session
			.perform(post("/account/two-factor/confirm").param("code", app.codeAt(Instant.now())).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(codes.select("#recovery-codes li")).hasSize(10);
		assertThat(enabled(learner)).isTrue();
		assertThat(session.sessionId()).as("a new session id with the new factor")
			.isNotNull()
			.isNotEqualTo(sessionBefore);
		assertThat(this.sessions.findById(sessionBefore)).as("the old session id is gone").isNull();
		assertThat(factors(session)).contains("FACTOR_PASSWORD", "FACTOR_TOTP");

		// Shown once: the account page has the count, not the codes.
		String account = session.perform(get("/account"))
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

		BrowserCookies session = new BrowserCookies(this.mvc);
		session.perform(login(learner)).andExpect(redirectedUrl("/login/two-factor"));
		assertThat(factors(session)).contains("FACTOR_PASSWORD").doesNotContain("FACTOR_TOTP");
		session.perform(get("/dashboard")).andExpect(redirectedUrl("/login/two-factor"));
		session.perform(get("/account")).andExpect(redirectedUrl("/login/two-factor"));
		session.perform(get("/api/v1/me/progress/django-24-week-syllabus"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Second factor required"));
		session.perform(get("/dashboard").header("HX-Request", "true"))
			.andExpect(header().string("HX-Redirect", "/login/two-factor"));
		// The password alone cannot set up another app in place of this one.
		session.perform(post("/account/two-factor/secret").with(csrf())).andExpect(redirectedUrl("/account"));
		assertThat(secret(learner)).isEqualTo(enrolled.storedSecret());

		session.perform(get("/login/two-factor")).andExpect(status().isOk());
		String idBefore = session.sessionId();
		session
			.perform(post("/login/two-factor").param("code", enrolled.app().nextCodeAfter(Instant.now())).with(csrf()))
			// back to the last page it asked for, not the learner's home
			.andExpect(redirectedUrl("/account"));
		assertThat(session.sessionId()).isNotNull().isNotEqualTo(idBefore);
		assertThat(this.sessions.findById(idBefore)).isNull();
		assertThat(factors(session)).contains("FACTOR_PASSWORD", "FACTOR_TOTP");
		session.perform(get("/dashboard")).andExpect(status().isOk());
	}

	@Test
	void aCodeIsTakenOnceOnly() throws Exception {
		AccountUser learner = this.staff.learner();
		Enrolled enrolled = enrol(learner);
		String code = enrolled.app().nextCodeAfter(Instant.now());

		BrowserCookies first = passwordStep(learner);
		first.perform(post("/login/two-factor").param("code", code).with(csrf()))
			.andExpect(redirectedUrl("/dashboard"));

		BrowserCookies second = passwordStep(learner);
		Document replayed = page(second, post("/login/two-factor").param("code", code).with(csrf()));
		assertThat(replayed.select("#code-errors").text()).contains("used already");
		second.perform(get("/dashboard")).andExpect(redirectedUrl("/login/two-factor"));
	}

	@Test
	void aRecoveryCodeLogsInOnceOnly() throws Exception {
		AccountUser learner = this.staff.learner();
		Enrolled enrolled = enrol(learner);
		String recovery = enrolled.recoveryCodes().get(3).toUpperCase();

		BrowserCookies first = passwordStep(learner);
		first.perform(post("/login/two-factor").param("code", recovery).with(csrf()))
			.andExpect(redirectedUrl("/dashboard"));
		assertThat(factors(first)).contains("FACTOR_TOTP");

		BrowserCookies second = passwordStep(learner);
		Document refused = page(second, post("/login/two-factor").param("code", recovery).with(csrf()));
		assertThat(refused.select("#code-errors")).hasSize(1);
		second.perform(get("/dashboard")).andExpect(redirectedUrl("/login/two-factor"));
		assertThat(page(first, get("/account")).text()).contains("Recovery codes left: 9");
	}

	@Test
	void newRecoveryCodesReplaceTheOldOnes() throws Exception {
		AccountUser learner = this.staff.learner();
		Enrolled enrolled = enrol(learner);
		Document renewed = page(enrolled.session(), post("/account/two-factor/recovery-codes").with(csrf()));
		List<String> codes = renewed.select("#recovery-codes li").eachText();
		assertThat(codes).hasSize(10).doesNotContainAnyElementsOf(enrolled.recoveryCodes());

		BrowserCookies old = passwordStep(learner);
		old.perform(post("/login/two-factor").param("code", enrolled.recoveryCodes().get(0)).with(csrf()))
			.andExpect(status().isOk());
		old.perform(get("/dashboard")).andExpect(redirectedUrl("/login/two-factor"));
		// Back to the page it asked for.
		old.perform(post("/login/two-factor").param("code", codes.get(0)).with(csrf()))
			.andExpect(redirectedUrl("/dashboard"));
	}

	@Test
	void thePasswordAloneMakesNoNewRecoveryCodesAndDoesNotTurnItOff() throws Exception {
		AccountUser learner = this.staff.learner();
		enrol(learner);
		BrowserCookies session = passwordStep(learner);
		session.perform(post("/account/two-factor/recovery-codes").with(csrf()))
			.andExpect(redirectedUrl("/login/two-factor"));
		session.perform(post("/account/two-factor/disable").param("codeOrPassword", TestAccounts.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/login/two-factor"));
		assertThat(enabled(learner)).isTrue();
		assertThat(this.jdbc.queryForObject("select count(*) from two_factor_recovery_code where account_id = ?",
				Integer.class, learner.id()))
			.isEqualTo(10);
	}

	@Test
	void afterFiveWrongCodesEvenTheRightOneIsRefusedWith429(CapturedOutput output) throws Exception {
		AccountUser learner = this.staff.learner();
		Enrolled enrolled = enrol(learner);
		BrowserCookies session = passwordStep(learner);
		String right = enrolled.app().nextCodeAfter(Instant.now());
		String wrong = otherThan(right);
		for (int i = 0; i < 5; i++) {
			session.perform(post("/login/two-factor").param("code", wrong).with(csrf())).andExpect(status().isOk());
		}
		MvcResult throttled = session.perform(post("/login/two-factor").param("code", right).with(csrf()))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andReturn();
		assertThat(Jsoup.parse(throttled.getResponse().getContentAsString()).select("#code-errors").text())
			.contains("Too many wrong codes");
		session.perform(get("/dashboard")).andExpect(redirectedUrl("/login/two-factor"));
		// Each refusal is a security event.
		String user = "user=\"" + learner.getUsername() + "\"";
		assertThat(output.getOut().lines().filter((line) -> line.contains("event=second-factor-failed"))).hasSize(5)
			.allSatisfy((line) -> assertThat(line).contains(user).contains("reason=\"wrong\""));
		assertThat(output.getOut().lines().filter((line) -> line.contains("event=second-factor-throttled")))
			.singleElement()
			.asString()
			.contains(user);
		// The right code was not checked, so it is still unused once the window is over.
		assertThat(this.jdbc.queryForObject("select last_used_step from two_factor_secret where account_id = ?",
				Long.class, learner.id()))
			.isLessThan(Instant.now().getEpochSecond() / 30 + 1);
	}

	@Test
	void aLearnerTurnsItOffWithTheirPasswordButNotWithAWrongOne() throws Exception {
		AccountUser learner = this.staff.learner();
		Enrolled enrolled = enrol(learner);
		BrowserCookies session = enrolled.session();

		session.perform(post("/account/two-factor/disable").param("codeOrPassword", "not the password").with(csrf()))
			.andExpect(redirectedUrl("/account"));
		assertThat(enabled(learner)).isTrue();

		session.perform(post("/account/two-factor/disable").param("codeOrPassword", TestAccounts.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/account"));
		assertThat(enabled(learner)).isFalse();
		assertThat(secret(learner)).isNull();
		this.mvc.perform(login(learner)).andExpect(redirectedUrl("/dashboard"));
	}

	@Test
	void anAdminWithoutAnAppIsSentToTheSetUpAndReachesNothingElse() throws Exception {
		AccountUser admin = this.staff.admin();
		BrowserCookies session = new BrowserCookies(this.mvc);
		session.perform(login(admin)).andExpect(redirectedUrl("/login/two-factor"));
		session.perform(get("/login/two-factor")).andExpect(redirectedUrl("/account/two-factor"));
		for (String path : List.of("/admin", "/admin/users", "/account", "/dashboard", "/mentor")) {
			session.perform(get(path)).andExpect(redirectedUrl("/login/two-factor"));
		}
		session.perform(get("/api/v1/admin/users")).andExpect(status().isUnauthorized());
		Document setUp = page(session, get("/account/two-factor"));
		assertThat(setUp.select("form[action=/account/two-factor/secret]")).hasSize(1);

		Authenticator app = startSetUp(session);
		session.perform(post("/account/two-factor/confirm").param("code", app.codeAt(Instant.now())).with(csrf()))
			.andExpect(status().isOk());
		session.perform(get("/admin")).andExpect(status().isOk());
		session.perform(get("/api/v1/admin/users")).andExpect(status().isOk());

		// Admins keep it on.
		session.perform(post("/account/two-factor/disable").param("codeOrPassword", TestAccounts.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/account"));
		assertThat(enabled(admin)).isTrue();
	}

	@Test
	void aLoginRaisedToAdminMustGiveTheSecondFactorNext() throws Exception {
		AccountUser learner = this.staff.learner();
		BrowserCookies session = logIn(learner);
		session.perform(get("/dashboard")).andExpect(status().isOk());

		this.jdbc.update("update app_user set role = 'ADMIN' where id = ?", learner.id());

		session.perform(get("/admin")).andExpect(redirectedUrl("/login/two-factor"));
		session.perform(get("/dashboard")).andExpect(redirectedUrl("/login/two-factor"));
		session.perform(get("/login/two-factor")).andExpect(redirectedUrl("/account/two-factor"));
		assertThat(factors(session)).contains("FACTOR_PASSWORD", "ROLE_ADMIN").doesNotContain("FACTOR_TOTP");
	}

	@Test
	void aRoleChangeKeepsTheSecondFactorOfTheSession() throws Exception {
		AccountUser learner = this.staff.learner();
		Enrolled enrolled = enrol(learner);
		BrowserCookies session = enrolled.session();

		this.jdbc.update("update app_user set role = 'ADMIN' where id = ?", learner.id());

		session.perform(get("/admin")).andExpect(status().isOk());
		assertThat(factors(session)).contains("FACTOR_PASSWORD", "FACTOR_TOTP", "ROLE_ADMIN");
	}

	private Enrolled enrol(AccountUser user) throws Exception {
		BrowserCookies session = logIn(user);
		Authenticator app = startSetUp(session);
		Document codes = page(session,
				post("/account/two-factor/confirm").param("code", app.codeAt(Instant.now())).with(csrf()));
		List<String> recovery = codes.select("#recovery-codes li").eachText();
		assertThat(recovery).hasSize(10);
		return new Enrolled(app, recovery, secret(user), session);
	}

	private Authenticator startSetUp(BrowserCookies session) throws Exception {
		session.perform(post("/account/two-factor/secret").with(csrf()))
			.andExpect(redirectedUrl("/account/two-factor"));
		Document setUp = page(session, get("/account/two-factor"));
		assertThat(setUp.select("svg.qr-code[role=img][aria-label] path[d]")).hasSize(1);
		assertThat(setUp.select("head title")).hasSize(1);
		assertThat(setUp.select("svg.qr-code [style], svg.qr-code[style]")).isEmpty();
		return new Authenticator(setUp.select("#two-factor-secret").text());
	}

	/** Logs in with the password, for an account that then needs the code. */
	private BrowserCookies passwordStep(AccountUser user) throws Exception {
		BrowserCookies session = new BrowserCookies(this.mvc);
		session.perform(login(user)).andExpect(redirectedUrl("/login/two-factor"));
		return session;
	}

	private BrowserCookies logIn(AccountUser user) throws Exception {
		BrowserCookies session = new BrowserCookies(this.mvc);
		session.perform(login(user)).andExpect(status().is3xxRedirection());
		return session;
	}

	private MockHttpServletRequestBuilder login(AccountUser user) {
		return post("/login").param("username", user.getUsername())
			.param("password", TestAccounts.PASSWORD)
			.with(csrf());
	}

	private Document page(BrowserCookies session, MockHttpServletRequestBuilder request) throws Exception {
		return Jsoup.parse(session.perform(request).andReturn().getResponse().getContentAsString());
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

	/**
	 * The authorities of the login the session cookie names, as the session store has it.
	 */
	private List<String> factors(BrowserCookies session) {
		assertThat(session.sessionId()).as("a session cookie").isNotNull();
		Session stored = this.sessions.findById(session.sessionId());
		assertThat(stored).as("the session in the store").isNotNull();
		SecurityContext context = stored.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		assertThat(context).as("a security context in the session").isNotNull();
		return context.getAuthentication().getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
	}

	private static String otherThan(String code) {
		return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
	}

	private record Enrolled(Authenticator app, List<String> recoveryCodes, String storedSecret,
			BrowserCookies session) {
	}

}
