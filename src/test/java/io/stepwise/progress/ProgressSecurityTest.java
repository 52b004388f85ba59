package io.stepwise.progress;

import java.time.Clock;
import java.time.LocalDate;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.curriculum.CurriculumCatalog;
import io.stepwise.curriculum.CurriculumTree.WeekView;
import io.stepwise.support.StatementCounting;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static io.stepwise.progress.ProgressFlowTest.SYLLABUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** CSRF, anonymous callers, and one learner against another's progress. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ TestAccounts.class, StatementCounting.class })
class ProgressSecurityTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	CurriculumCatalog catalog;

	@Autowired
	ProgressService service;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	ProgressRows rows;

	WeekView week1;

	@BeforeEach
	void load() {
		this.rows = new ProgressRows(this.jdbc);
		this.week1 = this.catalog.tree(SYLLABUS).orElseThrow().week(1).orElseThrow();
	}

	// CSRF

	@Test
	void formPostWithoutCsrfTokenIsForbiddenAndWritesNothing() throws Exception {
		AccountUser learner = enrolled();
		long enrollment = this.rows.enrollment(learner, SYLLABUS);
		ProgressRows.Snapshot before = this.rows.snapshot(enrollment);
		long task = this.week1.tasks().get(0).id();
		this.mvc.perform(post("/curricula/{slug}/items/{id}", SYLLABUS, task).param("done", "true").with(user(learner)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/curricula/{slug}/items/{id}", SYLLABUS, task).param("done", "true")
				.header("HX-Request", "true")
				.with(user(learner))
				.with(csrf().useInvalidToken()))
			.andExpect(status().isForbidden());
		assertThat(this.rows.snapshot(enrollment)).isEqualTo(before);
	}

	@Test
	void apiPutWithoutCsrfTokenIsForbiddenProblemAndWritesNothing() throws Exception {
		AccountUser learner = enrolled();
		long enrollment = this.rows.enrollment(learner, SYLLABUS);
		ProgressRows.Snapshot before = this.rows.snapshot(enrollment);
		this.mvc
			.perform(put("/api/v1/me/progress/{slug}/items/{id}", SYLLABUS, this.week1.tasks().get(0).id())
				.with(user(learner))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"done\":true}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(403));
		assertThat(this.rows.snapshot(enrollment)).isEqualTo(before);
	}

	@Test
	void enrollmentAndResetWithoutCsrfTokenAreForbiddenAndWriteNothing() throws Exception {
		AccountUser learner = this.accounts.learner();
		this.mvc.perform(post("/curricula/{slug}/enrollment", SYLLABUS).with(user(learner)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/v1/curricula/{slug}/enrollment", SYLLABUS).with(user(learner)))
			.andExpect(status().isForbidden());
		assertThat(this.rows.enrollments(learner)).isZero();

		AccountUser enrolled = enrolled();
		long enrollment = this.rows.enrollment(enrolled, SYLLABUS);
		this.service.setDone(enrolled.id(), SYLLABUS, this.week1.tasks().get(0).id(), true);
		ProgressRows.Snapshot before = this.rows.snapshot(enrollment);
		this.mvc.perform(post("/curricula/{slug}/enrollment/reset", SYLLABUS).with(user(enrolled)))
			.andExpect(status().isForbidden());
		assertThat(this.rows.snapshot(enrollment)).isEqualTo(before);
	}

	// Anonymous callers

	@Test
	void anonymousApiCallsAreUnauthorizedProblems() throws Exception {
		this.mvc.perform(get("/api/v1/me/progress/{slug}", SYLLABUS))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401));
		this.mvc
			.perform(put("/api/v1/me/progress/{slug}/items/{id}", SYLLABUS, this.week1.tasks().get(0).id()).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"done\":true}"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(post("/api/v1/curricula/{slug}/enrollment", SYLLABUS).with(csrf()))
			.andExpect(status().isUnauthorized());
	}

	/** As a browser sends them: asking for HTML. */
	@Test
	void anonymousFormPostsAndDashboardRedirectToLogin() throws Exception {
		this.mvc
			.perform(
					post("/curricula/{slug}/items/{id}", SYLLABUS, this.week1.tasks().get(0).id()).param("done", "true")
						.accept(MediaType.TEXT_HTML)
						.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(post("/curricula/{slug}/enrollment", SYLLABUS).accept(MediaType.TEXT_HTML).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/curricula/{slug}/enrollment/reset", SYLLABUS).accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/dashboard").accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void anonymousReadsOfCurriculumPagesAreNeverGated() throws Exception {
		Document page = Jsoup.parse(this.mvc.perform(get("/curricula/{slug}/weeks/2", SYLLABUS))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select("button.check-toggle")).isEmpty();
		assertThat(page.select("#skills-heading + ul li")).isNotEmpty();
	}

	// One learner, another's progress

	@Test
	void learnerCannotReadAnotherLearnersProgress() throws Exception {
		AccountUser a = enrolled();
		this.service.setDone(a.id(), SYLLABUS, this.week1.tasks().get(0).id(), true);
		AccountUser b = this.accounts.learner();
		this.mvc.perform(get("/api/v1/me/progress/{slug}", SYLLABUS).with(user(b)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc
			.perform(
					get("/api/v1/me/progress/{slug}", SYLLABUS).param("learnerId", Long.toString(a.id())).with(user(b)))
			.andExpect(status().isNotFound());
		// The pages offer B an enroll form, and nothing of A's.
		Document page = Jsoup.parse(this.mvc
			.perform(get("/curricula/{slug}/weeks/1", SYLLABUS).param("learnerId", Long.toString(a.id())).with(user(b)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select("button.check-toggle")).isEmpty();
		assertThat(page.select("form[action$=/enrollment]")).hasSize(1);
	}

	@Test
	void forgedLearnerAndEnrollmentIdsCannotWriteIntoAnotherLearnersProgress() throws Exception {
		AccountUser a = enrolled();
		long enrollmentA = this.rows.enrollment(a, SYLLABUS);
		ProgressRows.Snapshot before = this.rows.snapshot(enrollmentA);
		AccountUser b = this.accounts.learner();
		long task = this.week1.tasks().get(0).id();
		this.mvc
			.perform(put("/api/v1/me/progress/{slug}/items/{id}", SYLLABUS, task)
				.param("learnerId", Long.toString(a.id()))
				.param("enrollmentId", Long.toString(enrollmentA))
				.with(user(b))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"done\":true}"))
			.andExpect(status().isConflict());
		// a member the API does not take is refused, not ignored
		this.mvc
			.perform(put("/api/v1/me/progress/{slug}/items/{id}", SYLLABUS, task).with(user(b))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"done\":true,\"learnerId\":" + a.id() + "}"))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/curricula/{slug}/items/{id}", SYLLABUS, task).param("done", "true")
				.param("learnerId", Long.toString(a.id()))
				.with(user(b))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.rows.snapshot(enrollmentA)).isEqualTo(before);
		assertThat(this.rows.enrollments(b)).isZero();
	}

	@Test
	void learnersWritesChangeOnlyTheirOwnRows() throws Exception {
		AccountUser a = enrolled();
		long enrollmentA = this.rows.enrollment(a, SYLLABUS);
		long first = this.week1.tasks().get(0).id();
		long second = this.week1.tasks().get(1).id();
		this.service.setDone(a.id(), SYLLABUS, first, true);
		ProgressRows.Snapshot before = this.rows.snapshot(enrollmentA);
		AccountUser b = enrolled();
		long enrollmentB = this.rows.enrollment(b, SYLLABUS);

		this.mvc
			.perform(put("/api/v1/me/progress/{slug}/items/{id}", SYLLABUS, second)
				.param("learnerId", Long.toString(a.id()))
				.param("enrollmentId", Long.toString(enrollmentA))
				.with(user(b))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"done\":true}"))
			.andExpect(status().isOk());
		// Unchecking A's item from B's session is a no-op on B's own, unchecked item.
		this.mvc
			.perform(post("/curricula/{slug}/items/{id}", SYLLABUS, first).param("done", "false")
				.param("learnerId", Long.toString(a.id()))
				.with(user(b))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());

		assertThat(this.rows.snapshot(enrollmentA)).isEqualTo(before);
		assertThat(this.rows.snapshot(enrollmentB).checkedItems()).containsExactly(second);
		this.mvc.perform(get("/api/v1/me/progress/{slug}", SYLLABUS).with(user(b)))
			.andExpect(jsonPath("$.weeks[0].items[?(@.id == " + first + ")].done").value(false))
			.andExpect(jsonPath("$.weeks[0].items[?(@.id == " + second + ")].done").value(true));
		this.mvc.perform(get("/api/v1/me/progress/{slug}", SYLLABUS).with(user(a)))
			.andExpect(jsonPath("$.weeks[0].items[?(@.id == " + first + ")].done").value(true))
			.andExpect(jsonPath("$.weeks[0].items[?(@.id == " + second + ")].done").value(false));
	}

	@Test
	void dashboardShowsOnlyTheLearnersOwnCurricula() throws Exception {
		AccountUser a = enrolled();
		AccountUser b = this.accounts.learner();
		Document page = Jsoup
			.parse(this.mvc.perform(get("/dashboard").param("learnerId", Long.toString(a.id())).with(user(b)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(page.getElementById("empty-heading")).isNotNull();
		assertThat(page.getElementById("dashboard-" + SYLLABUS)).isNull();
	}

	private AccountUser enrolled() {
		AccountUser learner = this.accounts.learner();
		this.service.enroll(learner.id(), SYLLABUS, LocalDate.now(this.clock));
		return learner;
	}

}
