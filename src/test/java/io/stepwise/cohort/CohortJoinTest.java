package io.stepwise.cohort;

import java.time.LocalDate;
import java.util.List;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.support.BrowserCookies;
import io.stepwise.cohort.CohortFixtures.TestCohort;
import io.stepwise.curriculum.CurriculumCatalog;
import io.stepwise.progress.Enrollments;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Invite links: what they show, what joining stores, and codes that lead nowhere. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(CohortFixtures.class)
class CohortJoinTest {

	private static final LocalDate START = LocalDate.of(2027, 3, 1);

	@Autowired
	MockMvc mvc;

	@Autowired
	CohortFixtures fixtures;

	@Autowired
	CurriculumCatalog catalog;

	@Autowired
	Enrollments enrollments;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theInviteShowsTheCohortItsCurriculumAndStartDateWithAJoinButton() throws Exception {
		TestCohort cohort = this.fixtures.cohort(CohortFixtures.ROADMAP, START);
		Document page = page("/join/" + cohort.inviteCode(), this.fixtures.learner());
		assertThat(page.select("h1").text()).contains(cohort.name());
		assertThat(page.select("main a[href=/curricula/" + CohortFixtures.ROADMAP + "]").text())
			.isEqualTo(this.catalog.tree(CohortFixtures.ROADMAP).orElseThrow().title());
		assertThat(page.select("main").text()).contains("1 Mar 2027");
		assertThat(page.select("form[action=/join/" + cohort.inviteCode() + "][method=post] button")).hasSize(1);
	}

	@Test
	void joiningEnrollsWithTheCohortsStartDateAndOpensTheCurriculum() throws Exception {
		TestCohort cohort = this.fixtures.cohort(CohortFixtures.ROADMAP, START);
		AccountUser learner = this.fixtures.learner();
		MvcResult joined = this.mvc.perform(post("/join/{code}", cohort.inviteCode()).with(user(learner)).with(csrf()))
			.andExpect(redirectedUrl("/curricula/" + CohortFixtures.ROADMAP))
			.andExpect(flash().attribute("message", "join.joined"))
			.andReturn();
		assertThat(learnerIds(cohort)).containsExactly(learner.id());
		assertThat(enrollmentStart(learner, CohortFixtures.ROADMAP)).isEqualTo(START);
		String overview = this.mvc
			.perform(get(joined.getResponse().getRedirectedUrl()).cookie(joined.getResponse().getCookies())
				.with(user(learner)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(overview).select("main .alert-success").text()).startsWith("You joined the cohort.");
	}

	@Test
	void joiningKeepsTheStartDateOfAnEnrollmentTheLearnerHasAlready() throws Exception {
		TestCohort cohort = this.fixtures.cohort(START);
		AccountUser learner = this.fixtures.learner();
		LocalDate own = LocalDate.of(2026, 10, 5);
		this.enrollments.enrollIfAbsent(learner.id(), this.catalog.idOf(CohortFixtures.SYLLABUS).orElseThrow(), own);
		this.mvc.perform(post("/join/{code}", cohort.inviteCode()).with(user(learner)).with(csrf()))
			.andExpect(redirectedUrl("/curricula/" + CohortFixtures.SYLLABUS));
		assertThat(learnerIds(cohort)).containsExactly(learner.id());
		assertThat(enrollmentStart(learner, CohortFixtures.SYLLABUS)).isEqualTo(own);
	}

	@Test
	void aMemberIsToldSoWithALinkToTheCurriculumAndJoiningAgainChangesNothing() throws Exception {
		TestCohort cohort = this.fixtures.cohort(START);
		AccountUser learner = this.fixtures.learner();
		this.fixtures.addLearner(cohort, learner);
		Document page = page("/join/" + cohort.inviteCode(), learner);
		assertThat(page.select("form[action^=/join/]")).isEmpty();
		assertThat(page.select("main .alert").text()).isNotBlank();
		assertThat(page.select("main a.btn[href=/curricula/" + CohortFixtures.SYLLABUS + "]")).hasSize(1);

		this.mvc.perform(post("/join/{code}", cohort.inviteCode()).with(user(learner)).with(csrf()))
			.andExpect(redirectedUrl("/curricula/" + CohortFixtures.SYLLABUS))
			.andExpect(flash().attribute("message", "join.already"));
		assertThat(learnerIds(cohort)).containsExactly(learner.id());
	}

	@Test
	void malformedAndUnknownCodesAreNotFound() throws Exception {
		AccountUser learner = this.fixtures.learner();
		// Too short, a look-alike the alphabet leaves out, too long, well formed but
		// unknown.
		for (String code : List.of("abc", "O0O0O0O0O0", "ABCDEFGHJKL", "zzzzzzzzzz")) {
			this.mvc.perform(get("/join/{code}", code).with(user(learner)).accept(MediaType.TEXT_HTML))
				.andExpect(status().isNotFound());
			this.mvc.perform(post("/join/{code}", code).with(user(learner)).with(csrf()))
				.andExpect(status().isNotFound());
		}
		assertThat(this.jdbc.queryForObject("select count(*) from cohort_learner where learner_id = ?", Long.class,
				learner.id()))
			.isZero();
	}

	@Test
	void joiningWithoutTheCsrfTokenIsRefusedAndJoinsNothing() throws Exception {
		TestCohort cohort = this.fixtures.cohort(START);
		AccountUser learner = this.fixtures.learner();
		this.mvc.perform(post("/join/{code}", cohort.inviteCode()).with(user(learner)))
			.andExpect(status().isForbidden());
		assertThat(learnerIds(cohort)).isEmpty();
	}

	@Test
	void aVisitorWhoIsNotLoggedInLogsInAndComesBackToTheInvite() throws Exception {
		TestCohort cohort = this.fixtures.cohort(START);
		AccountUser learner = this.fixtures.learner();
		BrowserCookies session = new BrowserCookies(this.mvc);
		session.perform(get("/join/{code}", cohort.inviteCode()).accept(MediaType.TEXT_HTML))
			.andExpect(redirectedUrl("/login"));
		MvcResult login = session
			.perform(post("/login").with(csrf())
				.param("username", learner.getUsername())
				.param("password", TestAccounts.PASSWORD))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String back = login.getResponse().getRedirectedUrl();
		assertThat(back).contains("/join/" + cohort.inviteCode());
		String html = session.perform(get(back))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(html).select("form[action=/join/" + cohort.inviteCode() + "]")).hasSize(1);
	}

	private Document page(String path, AccountUser user) throws Exception {
		return Jsoup.parse(this.mvc.perform(get(path).with(user(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private List<Long> learnerIds(TestCohort cohort) {
		return this.jdbc.queryForList("select learner_id from cohort_learner where cohort_id = ?", Long.class,
				cohort.id());
	}

	private LocalDate enrollmentStart(AccountUser learner, String slug) {
		return this.jdbc
			.queryForObject("select e.start_date from enrollment e join curriculum c on c.id = e.curriculum_id "
					+ "where e.learner_id = ? and c.slug = ?", LocalDate.class, learner.id(), slug);
	}

}
