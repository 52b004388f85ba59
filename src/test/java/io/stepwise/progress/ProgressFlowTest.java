package io.stepwise.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.curriculum.CurriculumCatalog;
import io.stepwise.curriculum.CurriculumTree;
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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A learner's way through the syllabus on every write path: the page form, the same form
 * posted by htmx, and the JSON API.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ TestAccounts.class, StatementCounting.class })
class ProgressFlowTest {

	static final String SYLLABUS = "django-24-week-syllabus";

	static final String ROADMAP = "django-12-month-roadmap";

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

	CurriculumTree syllabus;

	WeekView week1;

	WeekView week2;

	@BeforeEach
	void load() {
		this.rows = new ProgressRows(this.jdbc);
		this.syllabus = this.catalog.tree(SYLLABUS).orElseThrow();
		this.week1 = this.syllabus.week(1).orElseThrow();
		this.week2 = this.syllabus.week(2).orElseThrow();
	}

	// Enrollment

	@Test
	void enrollingByFormStartsTodayInTheLearnersZoneAndOnlyOnce() throws Exception {
		ZoneId zone = zoneWhereTheDateIsNotUtcs();
		AccountUser learner = this.accounts.learner(zone.getId());
		LocalDate before = LocalDate.now(this.clock.withZone(zone));
		this.mvc.perform(post("/curricula/{slug}/enrollment", SYLLABUS).with(user(learner)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/curricula/" + SYLLABUS))
			.andExpect(flash().attribute("message", "enrollment.created"));
		LocalDate after = LocalDate.now(this.clock.withZone(zone));
		assertThat(startDate(learner, SYLLABUS)).isIn(before, after);

		this.mvc
			.perform(post("/curricula/{slug}/enrollment", SYLLABUS).param("startDate", "2020-01-06")
				.with(user(learner))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "enrollment.exists"));
		assertThat(this.rows.enrollments(learner)).isEqualTo(1);
		assertThat(startDate(learner, SYLLABUS)).isIn(before, after);
		assertThat(this.rows.events(this.rows.enrollment(learner, SYLLABUS), "ENROLLED")).isEqualTo(1);
	}

	@Test
	void enrollingByFormKeepsTheChosenStartDate() throws Exception {
		AccountUser learner = this.accounts.learner();
		this.mvc
			.perform(post("/curricula/{slug}/enrollment", SYLLABUS).param("startDate", "2026-03-02")
				.with(user(learner))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(startDate(learner, SYLLABUS)).isEqualTo(LocalDate.of(2026, 3, 2));
	}

	@Test
	void enrollingByApiIsCreatedOnceThenOk() throws Exception {
		ZoneId zone = zoneWhereTheDateIsNotUtcs();
		AccountUser learner = this.accounts.learner(zone.getId());
		LocalDate before = LocalDate.now(this.clock.withZone(zone));
		this.mvc.perform(post("/api/v1/curricula/{slug}/enrollment", SYLLABUS).with(user(learner)).with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.slug").value(SYLLABUS));
		LocalDate after = LocalDate.now(this.clock.withZone(zone));
		LocalDate start = startDate(learner, SYLLABUS);
		assertThat(start).isIn(before, after);

		this.mvc
			.perform(post("/api/v1/curricula/{slug}/enrollment", SYLLABUS).with(user(learner))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"startDate\":\"2020-01-06\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.startDate").value(start.toString()));
		assertThat(this.rows.enrollments(learner)).isEqualTo(1);
		assertThat(this.rows.events(this.rows.enrollment(learner, SYLLABUS), "ENROLLED")).isEqualTo(1);
	}

	@Test
	void enrollingByApiKeepsTheChosenStartDate() throws Exception {
		AccountUser learner = this.accounts.learner();
		this.mvc
			.perform(post("/api/v1/curricula/{slug}/enrollment", ROADMAP).with(user(learner))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"startDate\":\"2026-03-02\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.startDate").value("2026-03-02"));
		assertThat(startDate(learner, ROADMAP)).isEqualTo(LocalDate.of(2026, 3, 2));
	}

	@Test
	void enrollingInAnUnknownCurriculumIsNotFound() throws Exception {
		AccountUser learner = this.accounts.learner();
		this.mvc
			.perform(post("/api/v1/curricula/{slug}/enrollment", "no-such-curriculum").with(user(learner)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/curricula/{slug}/enrollment", "no-such-curriculum").with(user(learner)).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(this.rows.enrollments(learner)).isZero();
	}

	@Test
	void checkingOffBeforeEnrollingWritesNothing() throws Exception {
		AccountUser learner = this.accounts.learner();
		long task = task(this.week1, 0);
		this.mvc.perform(form(learner, task, true))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/curricula/" + SYLLABUS))
			.andExpect(flash().attribute("error", "progress.notEnrolled"));
		this.mvc.perform(api(learner, task, true))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(this.rows.enrollments(learner)).isZero();
	}

	// Check-offs on each path

	@Test
	void pageFormChecksAnItemAndRedirectsToItOnItsWeekPage() throws Exception {
		AccountUser learner = enrolled();
		long task = task(this.week1, 0);
		this.mvc.perform(form(learner, task, true))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/curricula/" + SYLLABUS + "/weeks/1#item-" + task))
			.andExpect(flash().attributeCount(0));
		long enrollment = this.rows.enrollment(learner, SYLLABUS);
		assertThat(this.rows.checkOffs(enrollment, task)).isEqualTo(1);
		assertThat(this.rows.itemEvents(enrollment, "CHECKED", task)).isEqualTo(1);
		Document page = weekPage(learner, 1);
		assertThat(page.getElementById("toggle-" + task).attr("aria-checked")).isEqualTo("true");
		// The form now offers the opposite: unchecking.
		assertThat(page.select("#item-" + task + " input[name=done]").val()).isEqualTo("false");
	}

	@Test
	void htmxPostsTheSameFormAndFollowsTheSameRedirect() throws Exception {
		AccountUser learner = enrolled();
		long skill = skill(this.week1, 0);
		String target = this.mvc.perform(htmx(form(learner, skill, true)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/curricula/" + SYLLABUS + "/weeks/1#item-" + skill))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long enrollment = this.rows.enrollment(learner, SYLLABUS);
		assertThat(this.rows.checkOffs(enrollment, skill)).isEqualTo(1);
		// htmx swaps #week-body out of the page the redirect leads to.
		Document page = Jsoup.parse(this.mvc.perform(get(target.substring(0, target.indexOf('#'))).with(user(learner)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select("#week-body #toggle-" + skill).attr("aria-checked")).isEqualTo("true");
		assertThat(page.select("form[data-hx-post]").attr("data-hx-select")).isEqualTo("#week-body");
		// htmx reads data-hx-* as well; only those are valid HTML.
		assertThat(page.select("[^hx-]")).isEmpty();
	}

	@Test
	void apiChecksAnItemAndAnswersItsStateAndItsWeeks() throws Exception {
		AccountUser learner = enrolled();
		long task = task(this.week1, 0);
		this.mvc.perform(api(learner, task, true))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(task))
			.andExpect(jsonPath("$.kind").value("task"))
			.andExpect(jsonPath("$.done").value(true))
			.andExpect(jsonPath("$.doneAt").isNotEmpty())
			.andExpect(jsonPath("$.week.number").value(1))
			.andExpect(jsonPath("$.week.finished").value(false))
			.andExpect(jsonPath("$.week.done").value(1))
			.andExpect(jsonPath("$.week.required").value(this.week1.tasks().size()));
		long enrollment = this.rows.enrollment(learner, SYLLABUS);
		assertThat(this.rows.checkOffs(enrollment, task)).isEqualTo(1);
		assertThat(this.rows.itemEvents(enrollment, "CHECKED", task)).isEqualTo(1);

		this.mvc.perform(api(learner, task, false))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.done").value(false))
			.andExpect(jsonPath("$.doneAt").doesNotExist());
		assertThat(this.rows.checkOffs(enrollment, task)).isZero();
		assertThat(this.rows.itemEvents(enrollment, "UNCHECKED", task)).isEqualTo(1);
	}

	@Test
	void apiRefusesABodyWithoutDone() throws Exception {
		AccountUser learner = enrolled();
		long task = task(this.week1, 0);
		this.mvc
			.perform(put("/api/v1/me/progress/{slug}/items/{id}", SYLLABUS, task).with(user(learner))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isBadRequest());
		assertThat(this.rows.checkOffs(this.rows.enrollment(learner, SYLLABUS))).isZero();
	}

	// The gate on every path

	@Test
	void pageFormRefusesCheckOffWhenPreviousWeekUnfinished() throws Exception {
		AccountUser learner = enrolled();
		long enrollment = this.rows.enrollment(learner, SYLLABUS);
		long locked = task(this.week2, 0);
		ProgressRows.Snapshot before = this.rows.snapshot(enrollment);
		MvcResult result = this.mvc.perform(form(learner, locked, true))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/curricula/" + SYLLABUS + "/weeks/2#item-" + locked))
			.andExpect(flash().attribute("error", "progress.locked"))
			.andReturn();
		assertThat((Object[]) result.getFlashMap().get("errorArgs")).containsExactly(2, 1);
		assertThat(this.rows.snapshot(enrollment)).isEqualTo(before);

		// The week page the learner lands on says why.
		Document page = Jsoup.parse(this.mvc.perform(get("/curricula/{slug}/weeks/2", SYLLABUS).with(user(learner))
			// The flash message waits in the session the post made, as for a browser.
			.cookie(result.getResponse().getCookies()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select("#week-body .alert-warning").text()).isEqualTo("Week 2 is locked. Finish week 1 first.");
		assertThat(page.getElementById("lock-reason")).isNotNull();
		assertThat(page.select("button.check-toggle")).isNotEmpty().allMatch((button) -> button.hasAttr("disabled"));
	}

	@Test
	void htmxRefusesCheckOffWhenPreviousWeekUnfinished() throws Exception {
		AccountUser learner = enrolled();
		long enrollment = this.rows.enrollment(learner, SYLLABUS);
		long locked = skill(this.week2, 0);
		ProgressRows.Snapshot before = this.rows.snapshot(enrollment);
		this.mvc.perform(htmx(form(learner, locked, true)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/curricula/" + SYLLABUS + "/weeks/2#item-" + locked))
			.andExpect(flash().attribute("error", "progress.locked"));
		assertThat(this.rows.snapshot(enrollment)).isEqualTo(before);
	}

	@Test
	void apiRefusesCheckOffWhenPreviousWeekUnfinished() throws Exception {
		AccountUser learner = enrolled();
		long enrollment = this.rows.enrollment(learner, SYLLABUS);
		ProgressRows.Snapshot before = this.rows.snapshot(enrollment);
		long locked = task(this.syllabus.week(3).orElseThrow(), 0);
		this.mvc.perform(api(learner, locked, true))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(409))
			.andExpect(jsonPath("$.detail", containsString("week 1")))
			.andExpect(jsonPath("$.week").value(3))
			.andExpect(jsonPath("$.unfinishedWeek").value(1));
		assertThat(this.rows.snapshot(enrollment)).isEqualTo(before);
	}

	@Test
	void gateNamesTheFirstUnfinishedWeekOnceEarlierWeeksAreDone() throws Exception {
		AccountUser learner = enrolled();
		finishWeek(learner, this.week1);
		long locked = task(this.syllabus.week(3).orElseThrow(), 0);
		this.mvc.perform(api(learner, locked, true))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("week 2")))
			.andExpect(jsonPath("$.unfinishedWeek").value(2));
	}

	// Forged ids

	@Test
	void itemOfAnotherCurriculumIsNotFoundOnEveryPath() throws Exception {
		long foreign = this.catalog.tree(ROADMAP).orElseThrow().week(1).orElseThrow().itemIds().get(0);
		refusesAsNotFound(foreign);
	}

	@Test
	void nonexistentItemIsNotFoundOnEveryPath() throws Exception {
		refusesAsNotFound(Long.MAX_VALUE);
		refusesAsNotFound(9_999_999);
	}

	@Test
	void negativeItemIdIsNotFoundOnEveryPath() throws Exception {
		refusesAsNotFound(-1);
		// A week's id is not an item's, even when the week is in this curriculum.
		refusesAsNotFound(-this.week1.id());
	}

	private void refusesAsNotFound(long itemId) throws Exception {
		AccountUser learner = enrolled();
		long enrollment = this.rows.enrollment(learner, SYLLABUS);
		ProgressRows.Snapshot before = this.rows.snapshot(enrollment);
		for (boolean done : new boolean[] { true, false }) {
			this.mvc.perform(form(learner, itemId, done)).andExpect(status().isNotFound());
			this.mvc.perform(htmx(form(learner, itemId, done))).andExpect(status().isNotFound());
			this.mvc.perform(api(learner, itemId, done))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}
		assertThat(this.rows.snapshot(enrollment)).isEqualTo(before);
	}

	// Replayed forms

	@Test
	void replayedCheckFormGivesOneCheckOffAndOneEvent() throws Exception {
		AccountUser learner = enrolled();
		long enrollment = this.rows.enrollment(learner, SYLLABUS);
		long task = task(this.week1, 0);
		for (int i = 0; i < 2; i++) {
			this.mvc.perform(form(learner, task, true))
				.andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/curricula/" + SYLLABUS + "/weeks/1#item-" + task));
		}
		this.mvc.perform(api(learner, task, true)).andExpect(status().isOk()).andExpect(jsonPath("$.done").value(true));
		assertThat(this.rows.checkOffs(enrollment, task)).isEqualTo(1);
		assertThat(this.rows.itemEvents(enrollment, "CHECKED", task)).isEqualTo(1);
	}

	@Test
	void replayedFinishingFormFinishesTheWeekOnce() throws Exception {
		AccountUser learner = enrolled();
		long enrollment = this.rows.enrollment(learner, SYLLABUS);
		for (long task : LearnerProgress.requiredItems(this.week1)) {
			this.mvc.perform(form(learner, task, true)).andExpect(status().is3xxRedirection());
		}
		long last = this.week1.tasks().get(this.week1.tasks().size() - 1).id();
		this.mvc.perform(form(learner, last, true))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attributeCount(0));
		assertThat(this.rows.weekEvents(enrollment, "WEEK_FINISHED", this.week1.id())).isEqualTo(1);
		assertThat(this.rows.completions(enrollment)).isEqualTo(1);
	}

	@Test
	void replayedUncheckFormGivesOneUncheckEvent() throws Exception {
		AccountUser learner = enrolled();
		long enrollment = this.rows.enrollment(learner, SYLLABUS);
		long task = task(this.week1, 0);
		this.service.setDone(learner.id(), SYLLABUS, task, true);
		this.mvc.perform(form(learner, task, false)).andExpect(status().is3xxRedirection());
		this.mvc.perform(form(learner, task, false)).andExpect(status().is3xxRedirection());
		assertThat(this.rows.checkOffs(enrollment, task)).isZero();
		assertThat(this.rows.itemEvents(enrollment, "UNCHECKED", task)).isEqualTo(1);
	}

	/**
	 * The form carries the state the learner asked for, not a toggle: replaying an old
	 * "done" form after unchecking checks the item again, once.
	 */
	@Test
	void replayedOldCheckFormAfterUncheckChecksAgain() throws Exception {
		AccountUser learner = enrolled();
		long enrollment = this.rows.enrollment(learner, SYLLABUS);
		long task = task(this.week1, 0);
		this.mvc.perform(form(learner, task, true)).andExpect(status().is3xxRedirection());
		this.mvc.perform(form(learner, task, false)).andExpect(status().is3xxRedirection());
		this.mvc.perform(form(learner, task, true)).andExpect(status().is3xxRedirection());
		this.mvc.perform(form(learner, task, true)).andExpect(status().is3xxRedirection());
		assertThat(this.rows.checkOffs(enrollment, task)).isEqualTo(1);
		assertThat(this.rows.itemEvents(enrollment, "CHECKED", task)).isEqualTo(2);
		assertThat(this.rows.itemEvents(enrollment, "UNCHECKED", task)).isEqualTo(1);
		assertThat(this.rows.history(enrollment)).extracting(ProgressRows.Event::type)
			.containsExactly("ENROLLED", "CHECKED", "UNCHECKED", "CHECKED");
	}

	// Finishing and re-opening weeks

	@Test
	void finishingWeekOneUnlocksWeekTwo() throws Exception {
		AccountUser learner = enrolled();
		long enrollment = this.rows.enrollment(learner, SYLLABUS);
		var tasks = LearnerProgress.requiredItems(this.week1);
		for (int i = 0; i < tasks.size() - 1; i++) {
			this.mvc.perform(form(learner, tasks.get(i), true)).andExpect(flash().attributeCount(0));
		}
		assertThat(this.rows.completions(enrollment)).isZero();
		this.mvc.perform(form(learner, tasks.get(tasks.size() - 1), true))
			.andExpect(flash().attribute("message", "progress.weekFinished"));
		assertThat(this.rows.completed(enrollment, this.week1.id())).isTrue();
		assertThat(this.rows.weekEvents(enrollment, "WEEK_FINISHED", this.week1.id())).isEqualTo(1);

		this.mvc.perform(get("/api/v1/me/progress/{slug}", SYLLABUS).with(user(learner)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.currentWeek").value(2))
			.andExpect(jsonPath("$.weeks[0].finished").value(true))
			.andExpect(jsonPath("$.weeks[0].finishedAt").isNotEmpty())
			.andExpect(jsonPath("$.weeks[1].finished").value(false))
			.andExpect(jsonPath("$.weeks[1].locked").value(false))
			.andExpect(jsonPath("$.weeks[1].unfinishedWeek").doesNotExist())
			.andExpect(jsonPath("$.weeks[2].locked").value(true))
			.andExpect(jsonPath("$.weeks[2].unfinishedWeek").value(2));

		long next = task(this.week2, 0);
		this.mvc.perform(api(learner, next, true)).andExpect(status().isOk());
		assertThat(this.rows.checkOffs(enrollment, next)).isEqualTo(1);
		Document page = weekPage(learner, 2);
		assertThat(page.getElementById("lock-reason")).isNull();
		assertThat(page.select("button.check-toggle")).isNotEmpty().noneMatch((button) -> button.hasAttr("disabled"));
	}

	@Test
	void uncheckingAWeekOneTaskReopensItKeepsWeekTwoAndLocksIt() throws Exception {
		AccountUser learner = enrolled();
		long enrollment = this.rows.enrollment(learner, SYLLABUS);
		finishWeek(learner, this.week1);
		long kept = task(this.week2, 0);
		this.service.setDone(learner.id(), SYLLABUS, kept, true);

		long reopener = task(this.week1, 1);
		this.mvc.perform(form(learner, reopener, false))
			.andExpect(redirectedUrl("/curricula/" + SYLLABUS + "/weeks/1#item-" + reopener))
			.andExpect(flash().attribute("message", "progress.weekReopened"));
		assertThat(this.rows.completed(enrollment, this.week1.id())).isFalse();
		assertThat(this.rows.weekEvents(enrollment, "WEEK_REOPENED", this.week1.id())).isEqualTo(1);
		assertThat(this.rows.checkOffs(enrollment, kept)).isEqualTo(1);

		this.mvc.perform(get("/api/v1/me/progress/{slug}", SYLLABUS).with(user(learner)))
			.andExpect(jsonPath("$.currentWeek").value(1))
			.andExpect(jsonPath("$.weeks[1].locked").value(true))
			.andExpect(jsonPath("$.weeks[1].unfinishedWeek").value(1))
			.andExpect(jsonPath("$.weeks[1].items[?(@.id == " + kept + ")].done").value(true));

		// Week 2 is read-only again: neither the other task nor unchecking the kept one.
		ProgressRows.Snapshot before = this.rows.snapshot(enrollment);
		this.mvc.perform(api(learner, task(this.week2, 1), true))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.unfinishedWeek").value(1));
		this.mvc.perform(api(learner, kept, false)).andExpect(status().isConflict());
		this.mvc.perform(form(learner, kept, false)).andExpect(flash().attribute("error", "progress.locked"));
		assertThat(this.rows.snapshot(enrollment)).isEqualTo(before);

		// Finishing week 1 again opens week 2 with its check-off still there.
		this.mvc.perform(api(learner, reopener, true))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.week.finished").value(true));
		assertThat(this.rows.weekEvents(enrollment, "WEEK_FINISHED", this.week1.id())).isEqualTo(2);
		this.mvc.perform(api(learner, kept, false)).andExpect(status().isOk());
	}

	@Test
	void uncheckingASkillOfAWeekFinishedByItsTasksKeepsItFinished() throws Exception {
		AccountUser learner = enrolled();
		long enrollment = this.rows.enrollment(learner, SYLLABUS);
		long skill = skill(this.week1, 0);
		this.service.setDone(learner.id(), SYLLABUS, skill, true);
		finishWeek(learner, this.week1);
		this.mvc.perform(form(learner, skill, false)).andExpect(flash().attributeCount(0));
		assertThat(this.rows.completed(enrollment, this.week1.id())).isTrue();
		assertThat(this.rows.events(enrollment, "WEEK_REOPENED")).isZero();
	}

	// Reset

	@Test
	void resetAsksForConfirmationFirst() throws Exception {
		AccountUser learner = enrolled();
		long enrollment = this.rows.enrollment(learner, SYLLABUS);
		finishWeek(learner, this.week1);
		ProgressRows.Snapshot before = this.rows.snapshot(enrollment);
		Document page = Jsoup
			.parse(this.mvc.perform(get("/curricula/{slug}/enrollment/reset", SYLLABUS).with(user(learner)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		var form = page.select("main form[method=post]");
		assertThat(form.attr("action")).isEqualTo("/curricula/" + SYLLABUS + "/enrollment/reset");
		assertThat(form.select("input[name=_csrf]")).hasSize(1);
		assertThat(form.select("input[name=startDate]")).hasSize(1);
		assertThat(this.rows.snapshot(enrollment)).isEqualTo(before);
	}

	@Test
	void resetClearsCheckOffsAndCompletionsAndKeepsTheHistory() throws Exception {
		AccountUser learner = enrolled();
		long enrollment = this.rows.enrollment(learner, SYLLABUS);
		finishWeek(learner, this.week1);
		this.service.setDone(learner.id(), SYLLABUS, task(this.week2, 0), true);
		var history = this.rows.history(enrollment);

		this.mvc
			.perform(post("/curricula/{slug}/enrollment/reset", SYLLABUS).param("startDate", "2026-06-01")
				.with(user(learner))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/curricula/" + SYLLABUS))
			.andExpect(flash().attribute("message", "enrollment.reset"));
		assertThat(this.rows.checkOffs(enrollment)).isZero();
		assertThat(this.rows.completions(enrollment)).isZero();
		assertThat(this.rows.history(enrollment)).startsWith(history.toArray(ProgressRows.Event[]::new))
			.hasSize(history.size() + 1)
			.last()
			.isEqualTo(new ProgressRows.Event("RESET", null, null));
		assertThat(startDate(learner, SYLLABUS)).isEqualTo(LocalDate.of(2026, 6, 1));
		this.mvc.perform(api(learner, task(this.week2, 1), true))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.unfinishedWeek").value(1));
	}

	@Test
	void resetWithoutEnrollmentWritesNothing() throws Exception {
		AccountUser learner = this.accounts.learner();
		this.mvc.perform(post("/curricula/{slug}/enrollment/reset", SYLLABUS).with(user(learner)).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(this.rows.enrollments(learner)).isZero();
	}

	// Helpers

	AccountUser enrolled() {
		AccountUser learner = this.accounts.learner();
		this.service.enroll(learner.id(), SYLLABUS, LocalDate.now(this.clock));
		return learner;
	}

	void finishWeek(AccountUser learner, WeekView week) {
		for (long item : LearnerProgress.requiredItems(week)) {
			this.service.setDone(learner.id(), SYLLABUS, item, true);
		}
	}

	MockHttpServletRequestBuilder form(AccountUser learner, long itemId, boolean done) {
		return post("/curricula/{slug}/items/{id}", SYLLABUS, itemId).param("done", Boolean.toString(done))
			.with(user(learner))
			.with(csrf());
	}

	static MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder form) {
		return form.header("HX-Request", "true");
	}

	MockHttpServletRequestBuilder api(AccountUser learner, long itemId, boolean done) {
		return put("/api/v1/me/progress/{slug}/items/{id}", SYLLABUS, itemId).with(user(learner))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"done\":" + done + "}");
	}

	Document weekPage(AccountUser learner, int number) throws Exception {
		return Jsoup.parse(this.mvc.perform(get("/curricula/{slug}/weeks/{n}", SYLLABUS, number).with(user(learner)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	LocalDate startDate(AccountUser learner, String slug) {
		return this.jdbc
			.queryForObject("select e.start_date from enrollment e join curriculum c on c.id = e.curriculum_id "
					+ "where e.learner_id = ? and c.slug = ?", LocalDate.class, learner.id(), slug);
	}

	static long task(WeekView week, int index) {
		return week.tasks().get(index).id();
	}

	static long skill(WeekView week, int index) {
		return week.skills().get(index).id();
	}

	/**
	 * A zone whose date differs from UTC's right now (UTC+14 late in the UTC day, UTC-11
	 * early in it), so a start date taken from the server's day would show.
	 */
	ZoneId zoneWhereTheDateIsNotUtcs() {
		LocalDate utc = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		ZoneId east = ZoneId.of("Pacific/Kiritimati");
		return LocalDate.now(this.clock.withZone(east)).equals(utc) ? ZoneId.of("Pacific/Pago_Pago") : east;
	}

}
