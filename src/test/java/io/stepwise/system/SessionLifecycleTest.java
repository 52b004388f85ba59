package io.stepwise.system;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.support.BrowserCookies;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A learner's session from login to its end, driven as a browser does: the CSRF tokens
 * come from the pages, the session from its cookie, and time passes by ageing the
 * session's row, as the database keeps it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestAccounts.class)
class SessionLifecycleTest {

	private static final String SYLLABUS = "/curricula/django-24-week-syllabus";

	private static final String API = "/api/v1/me/progress/django-24-week-syllabus";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	private AccountUser learner;

	private BrowserCookies browser;

	/** A check-off form of week 1, as the page shows it to the enrolled learner. */
	private String checkOff;

	/** The token the week page gave its scripts. */
	private String token;

	@BeforeEach
	void enrolledLearnerOnTheWeekPage() throws Exception {
		this.learner = this.accounts.learner();
		this.browser = new BrowserCookies(this.mvc);
		Document login = page(get("/login"));
		this.browser
			.perform(post("/login").param("username", this.learner.getUsername())
				.param("password", TestAccounts.PASSWORD)
				.param("_csrf", login.select("main form input[name=_csrf]").val()))
			.andExpect(redirectedUrl("/dashboard"));
		Document overview = page(get(SYLLABUS));
		this.browser.perform(post(SYLLABUS + "/enrollment").param("_csrf", metaToken(overview)))
			.andExpect(status().is3xxRedirection());
		Document week = page(get(SYLLABUS + "/weeks/1"));
		this.checkOff = week.select("form[action*=/items/]").first().attr("action");
		this.token = metaToken(week);
	}

	@Test
	void theSessionIsInTheDatabaseWithTheIdleTimeout() {
		assertThat(this.jdbc.queryForObject(
				"select max_inactive_interval from spring_session where session_id = ? and principal_name = ?",
				Integer.class, this.browser.sessionId(), this.learner.getUsername()))
			.isEqualTo(2 * 60 * 60);
	}

	@Test
	void aFormPostAfterTheSessionExpiredGoesToTheLoginPageThatSaysSoAndStoresNothing() throws Exception {
		idleFor(3);

		this.browser.perform(post(this.checkOff).param("done", "true").param("_csrf", this.token))
			.andExpect(redirectedUrl("/login?expired"));

		assertThat(checkOffs()).isZero();
		Document login = page(get("/login?expired"));
		assertThat(login.select("main [role=status]").text())
			.isEqualTo("Your session has ended. Log in again to go on.");
	}

	@Test
	void anHtmxCheckOffAfterTheSessionExpiredIsSentToTheLoginPage() throws Exception {
		idleFor(3);

		this.browser
			.perform(post(this.checkOff).param("done", "true")
				.header("HX-Request", "true")
				.header("X-CSRF-TOKEN", this.token))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("HX-Redirect", "/login?expired"));

		assertThat(checkOffs()).isZero();
	}

	@Test
	void theApiAnswersAnExpiredSessionsWriteWithAProblemDetail() throws Exception {
		idleFor(3);

		this.browser
			.perform(put(API + "/items/{id}", itemId()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"done\": true}")
				.header("X-CSRF-TOKEN", this.token))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

		assertThat(checkOffs()).isZero();
	}

	@Test
	void aWriteWithinTheIdleTimeoutStands() throws Exception {
		idleFor(1);

		this.browser.perform(post(this.checkOff).param("done", "true").param("_csrf", this.token))
			.andExpect(status().is3xxRedirection());

		assertThat(checkOffs()).isOne();
	}

	@Test
	void aWrongTokenInALiveSessionIsAPlainRefusalThatKeepsTheSession() throws Exception {
		this.browser.perform(post(this.checkOff).param("done", "true").param("_csrf", "not-the-token"))
			.andExpect(status().isForbidden());

		assertThat(checkOffs()).isZero();
		this.browser.perform(get("/dashboard")).andExpect(status().isOk());
	}

	@Test
	void aWriteWithNoSessionCookieAtAllIsAPlainRefusal() throws Exception {
		// As a forged post from another site arrives: the SameSite cookie stays behind.
		this.mvc.perform(post(this.checkOff).param("done", "true").param("_csrf", this.token))
			.andExpect(status().isForbidden());

		assertThat(checkOffs()).isZero();
	}

	@Test
	void aBusySessionEndsAtTheAbsoluteTimeout() throws Exception {
		startedHoursAgo(13);
		String id = this.browser.sessionId();

		this.browser.perform(get("/dashboard").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login?expired"));

		assertThat(this.browser.sessionDropped()).isTrue();
		assertThat(
				this.jdbc.queryForObject("select count(*) from spring_session where session_id = ?", Integer.class, id))
			.isZero();
		this.browser.perform(get("/dashboard").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void anHtmxRequestAtTheAbsoluteTimeoutIsSentToTheLoginPage() throws Exception {
		startedHoursAgo(13);
		this.browser
			.perform(post(this.checkOff).param("done", "true")
				.header("HX-Request", "true")
				.header("X-CSRF-TOKEN", this.token))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("HX-Redirect", "/login?expired"));
		assertThat(checkOffs()).isZero();
	}

	@Test
	void theApiIsAnsweredWithAProblemDetailAtTheAbsoluteTimeout() throws Exception {
		startedHoursAgo(13);
		this.browser.perform(get(API))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void aSessionWithinItsAbsoluteLifetimeGoesOn() throws Exception {
		startedHoursAgo(11);

		this.browser.perform(get("/dashboard")).andExpect(status().isOk());
		this.browser.perform(post(this.checkOff).param("done", "true").param("_csrf", this.token))
			.andExpect(status().is3xxRedirection());
		assertThat(checkOffs()).isOne();
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return Jsoup.parse(this.browser.perform(request.accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static String metaToken(Document page) {
		String token = page.select("meta[name=_csrf]").attr("content");
		assertThat(token).isNotBlank();
		return token;
	}

	/** As if the browser had sent nothing for so many hours. */
	private void idleFor(int hours) {
		assertThat(this.jdbc.update(
				"update spring_session set last_access_time = last_access_time - ? " + "where session_id = ?",
				hours * 3_600_000L, this.browser.sessionId()))
			.isOne();
	}

	/** As if the session had started so many hours ago, and been busy since. */
	private void startedHoursAgo(int hours) {
		assertThat(this.jdbc.update("update spring_session set creation_time = creation_time - ? where session_id = ?",
				hours * 3_600_000L, this.browser.sessionId()))
			.isOne();
	}

	private long itemId() {
		return Long.parseLong(this.checkOff.substring(this.checkOff.lastIndexOf('/') + 1));
	}

	private int checkOffs() {
		return this.jdbc.queryForObject("select count(*) from check_off c join enrollment e on e.id = c.enrollment_id "
				+ "where e.learner_id = ?", Integer.class, this.learner.id());
	}

}
