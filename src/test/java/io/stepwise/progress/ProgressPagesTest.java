package io.stepwise.progress;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.curriculum.CurriculumCatalog;
import io.stepwise.curriculum.CurriculumDraft;
import io.stepwise.curriculum.CurriculumDraft.PhaseDraft;
import io.stepwise.curriculum.CurriculumDraft.WeekDraft;
import io.stepwise.curriculum.CurriculumLibrary;
import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.curriculum.CurriculumTree.WeekView;
import io.stepwise.curriculum.MonthSpan;
import io.stepwise.support.StatementCounter;
import io.stepwise.support.StatementCounting;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static io.stepwise.progress.ProgressFlowTest.ROADMAP;
import static io.stepwise.progress.ProgressFlowTest.SYLLABUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The pages a learner reads: what they show, and what they cost in statements. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ TestAccounts.class, StatementCounting.class })
class ProgressPagesTest {

	/**
	 * The overview for an enrolled learner. The session's check of the learner's account
	 * (1), made on every logged-in request. The curriculum tree, as read when not cached
	 * (each count here is: {@link StatementCounter#reset()} empties the caches): its id
	 * and version from the slug, the curriculum with its guidelines, then one statement
	 * each for phases, weeks, items, sections, references, citations and resources (9).
	 * The learner's state: the enrollment, its check-offs and its finished weeks (3). The
	 * starts of the learner's cohorts, which their plan counts from (1).
	 */
	static final long CURRICULUM_PAGE_STATEMENTS = 14;

	/**
	 * The week page: as the overview, and the learner's evidence on the curriculum (1).
	 */
	static final long WEEK_PAGE_STATEMENTS = CURRICULUM_PAGE_STATEMENTS + 1;

	/**
	 * The dashboard: the session's check of the learner's account (1); the learner's
	 * enrollments (1); the versions of all their curricula (1) and their trees read
	 * together, as above but without the slug (8); the check-offs and the finished weeks
	 * of all enrollments (2); the check-off times for the activity (1); the latest
	 * reviews of the learner's evidence (1); the starts of the learner's cohorts, which
	 * their plans count from (1).
	 */
	static final long DASHBOARD_STATEMENTS = 16;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	CurriculumCatalog catalog;

	@Autowired
	ProgressService service;

	@Autowired
	StatementCounter statements;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	@Autowired
	CurriculumLibrary library;

	@Test
	void weekPageIssuesTheSameStatementsWhateverTheCheckOffsAndTheCurriculum() throws Exception {
		AccountUser few = enrolledInBoth(1);
		AccountUser many = enrolledInBoth(30);
		long syllabusFew = statementsFor("/curricula/" + SYLLABUS + "/weeks/1", few);
		assertThat(statementsFor("/curricula/" + SYLLABUS + "/weeks/1", many)).isEqualTo(syllabusFew);
		assertThat(statementsFor("/curricula/" + SYLLABUS + "/weeks/5", many)).isEqualTo(syllabusFew);
		assertThat(statementsFor("/curricula/" + ROADMAP + "/weeks/1", few)).isEqualTo(syllabusFew);
		assertThat(statementsFor("/curricula/" + ROADMAP + "/weeks/17", many)).isEqualTo(syllabusFew);
		assertThat(syllabusFew).isEqualTo(WEEK_PAGE_STATEMENTS);
	}

	@Test
	void overviewIssuesTheSameStatementsWhateverTheCheckOffsAndTheCurriculum() throws Exception {
		AccountUser few = enrolledInBoth(1);
		AccountUser many = enrolledInBoth(30);
		long syllabusFew = statementsFor("/curricula/" + SYLLABUS, few);
		assertThat(statementsFor("/curricula/" + SYLLABUS, many)).isEqualTo(syllabusFew);
		assertThat(statementsFor("/curricula/" + ROADMAP, few)).isEqualTo(syllabusFew);
		assertThat(statementsFor("/curricula/" + ROADMAP, many)).isEqualTo(syllabusFew);
		assertThat(syllabusFew).isEqualTo(CURRICULUM_PAGE_STATEMENTS);
	}

	@Test
	void dashboardIssuesTheSameStatementsWhateverTheCheckOffsAndTheCurricula() throws Exception {
		AccountUser few = enrolledInBoth(1);
		AccountUser many = enrolledInBoth(30);
		AccountUser one = this.accounts.learner();
		this.service.enroll(one.id(), SYLLABUS, LocalDate.now(this.clock));
		long dashboard = statementsFor("/dashboard", few);
		assertThat(statementsFor("/dashboard", many)).isEqualTo(dashboard);
		assertThat(statementsFor("/dashboard", one)).isEqualTo(dashboard);
		assertThat(dashboard).isEqualTo(DASHBOARD_STATEMENTS);
	}

	@Test
	void dashboardShowsEachCurriculumWithItsCurrentWeekAndTheActivity() throws Exception {
		AccountUser learner = enrolledInBoth(0);
		CurriculumTree syllabus = this.catalog.tree(SYLLABUS).orElseThrow();
		for (long item : LearnerProgress.requiredItems(syllabus.week(1).orElseThrow())) {
			this.service.setDone(learner.id(), SYLLABUS, item, true);
		}
		Document page = page("/dashboard", learner);
		assertThat(page.select("head title")).hasSize(1);
		assertThat(page.select("head title").text()).isEqualTo("Dashboard · Stepwise");
		assertThat(page.getElementById("dashboard-" + SYLLABUS)).isNotNull();
		assertThat(page.getElementById("dashboard-" + ROADMAP)).isNotNull();
		assertThat(page.select("section[aria-labelledby=dashboard-" + SYLLABUS + "] p > a[href$=/weeks/2]").text())
			.startsWith("Week 2");
		assertThat(page.select("section[aria-labelledby=dashboard-" + ROADMAP + "] p > a[href$=/weeks/1]").text())
			.startsWith("Week 1");
		// The check-offs were made just now: on one day, or on two around midnight (UTC).
		long days = this.jdbc
			.queryForList("select occurred_at from progress_event where learner_id = ? and type = 'CHECKED'",
					Instant.class, learner.id())
			.stream()
			.map((instant) -> LocalDate.ofInstant(instant, ZoneOffset.UTC))
			.distinct()
			.count();
		assertThat(page.select("#activity-heading + p strong").text())
			.isEqualTo((days == 1) ? "Streak: 1 day." : "Streak: " + days + " days.");
		assertThat(page.select("svg.heatmap rect")).hasSizeGreaterThan(25 * 7)
			.allMatch((rect) -> rect.selectFirst("title") != null);
		assertThat(page.select("svg.heatmap rect[class~=heat-[1-4]]")).hasSize((int) days);
	}

	@Test
	void dashboardInvitesALearnerWithoutCurriculaToPickOne() throws Exception {
		Document page = page("/dashboard", this.accounts.learner());
		assertThat(page.getElementById("empty-heading")).isNotNull();
		assertThat(page.select("#activity-heading + p strong").text()).isEqualTo("No current streak.");
	}

	@Test
	void overviewShowsProgressAndLocksForAnEnrolledLearner() throws Exception {
		AccountUser learner = enrolledInBoth(0);
		CurriculumTree syllabus = this.catalog.tree(SYLLABUS).orElseThrow();
		for (long item : LearnerProgress.requiredItems(syllabus.week(1).orElseThrow())) {
			this.service.setDone(learner.id(), SYLLABUS, item, true);
		}
		Document page = page("/curricula/" + SYLLABUS, learner);
		assertThat(page.getElementById("enrollment-heading")).isNotNull();
		assertThat(page.select("li.week-row .badge").eachText()).hasSize(24)
			.startsWith("Finished", "0 of 2 done", "Locked until week 2 is finished");
		// Weeks the learner can work on show how far they are; locked weeks show the lock
		// only.
		assertThat(page.select("li.week-row progress")).extracting((bar) -> bar.attr("value"))
			.containsExactly("100", "0");
		assertThat(page.select("li.week-row progress").first().attr("aria-label")).isEqualTo("Progress in week 1");
	}

	@Test
	void weekPageTellsAnEnrolledLearnerThatSkillsDoNotHoldTheWeek() throws Exception {
		AccountUser learner = enrolledInBoth(0);
		String hint = "Mark the skills you have learned as you go. The project tasks below are what finish the week.";
		assertThat(page("/curricula/" + SYLLABUS + "/weeks/1", learner).text()).contains(hint,
				"0 of 7 skills marked as learned.");
		// A roadmap topic has no tasks: its skills are what finish it.
		assertThat(page("/curricula/" + ROADMAP + "/weeks/1", learner).text()).doesNotContain(hint);
	}

	/** Rolled back, so the extra curriculum never shows on other tests' pages. */
	@Test
	@Transactional
	void itemsAddedToAFinishedWeekShowAsNewWithoutReopeningIt() throws Exception {
		String slug = "grows-" + UUID.randomUUID().toString().substring(0, 8);
		this.library.add(new CurriculumDraft(slug, "Grows", "", List.of(),
				List.of(new PhaseDraft("Only phase", "", MonthSpan.of(1),
						List.of(new WeekDraft(1, "First", List.of(), List.of(), List.of(), List.of("Task A")),
								new WeekDraft(2, "Second", List.of(), List.of(), List.of(), List.of("Task B"))))),
				List.of(), List.of(), 2), "test");
		CurriculumTree curriculum = this.catalog.tree(slug).orElseThrow();
		WeekView first = curriculum.week(1).orElseThrow();
		AccountUser learner = this.accounts.learner();
		this.service.enroll(learner.id(), slug, LocalDate.now(this.clock));
		this.service.setDone(learner.id(), slug, first.tasks().get(0).id(), true);
		// An edit adds a task to the finished week, as an admin will, and so moves the
		// curriculum's version.
		this.jdbc.update("""
				insert into curriculum_item (week_id, kind, position, title, description, created_at)
				values (?, 'TASK', 2, 'Task added later', '', ?)""", first.id(),
				Timestamp.from(this.clock.instant().plusSeconds(60)));
		this.jdbc.update("update curriculum set version = version + 1 where slug = ?", slug);

		Document dashboard = page("/dashboard", learner);
		assertThat(dashboard.select("h3:containsOwn(New in weeks you finished) + ul li").eachText())
			.containsExactly("Week 1: Task added later");
		Document week = page("/curricula/" + slug + "/weeks/1", learner);
		assertThat(week.select("#tasks-heading + ol li").eachText()).hasSize(2)
			.last()
			.asString()
			.contains("Task added later", "New since you finished this week");
		assertThat(week.select("#week-status-heading ~ progress, #week-status-heading ~ div progress").attr("value"))
			.isEqualTo("100");
		Document second = page("/curricula/" + slug + "/weeks/2", learner);
		assertThat(second.getElementById("lock-reason")).isNull();
		assertThat(second.select("button.check-toggle").first().hasAttr("disabled")).isFalse();
	}

	@Test
	void startOverIsOnlyOfferedOnACurriculumTheLearnerFollows() throws Exception {
		AccountUser learner = this.accounts.learner();
		for (String path : new String[] { "/curricula/" + SYLLABUS + "/enrollment/reset",
				"/curricula/no-such-curriculum/enrollment/reset" }) {
			this.mvc.perform(get(path).with(user(learner))).andExpect(status().isNotFound());
		}
		this.mvc.perform(post("/curricula/" + SYLLABUS + "/enrollment/reset").with(user(learner)).with(csrf()))
			.andExpect(status().isNotFound());
		this.service.enroll(learner.id(), SYLLABUS, LocalDate.now(this.clock));
		Document page = page("/curricula/" + SYLLABUS + "/enrollment/reset", learner);
		assertThat(page.select("main").text()).contains("Django Mastery", "You have finished 0 of 24 weeks");
	}

	private long statementsFor(String path, AccountUser learner) throws Exception {
		this.statements.reset();
		this.mvc.perform(get(path).with(user(learner))).andExpect(status().isOk());
		return this.statements.total();
	}

	private Document page(String path, AccountUser learner) throws Exception {
		return Jsoup.parse(this.mvc.perform(get(path).with(user(learner)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	/** A learner enrolled in both curricula with the first items of each checked off. */
	private AccountUser enrolledInBoth(int checkOffs) {
		AccountUser learner = this.accounts.learner();
		for (String slug : new String[] { SYLLABUS, ROADMAP }) {
			this.service.enroll(learner.id(), slug, LocalDate.now(this.clock));
			checkOffInOrder(learner, this.catalog.tree(slug).orElseThrow(), checkOffs);
		}
		return learner;
	}

	/** Checks items week by week, so each week is finished before the next is touched. */
	private void checkOffInOrder(AccountUser learner, CurriculumTree curriculum, int count) {
		int done = 0;
		for (WeekView week : curriculum.weeks()) {
			for (long item : week.itemIds()) {
				if (done == count) {
					return;
				}
				this.service.setDone(learner.id(), curriculum.slug(), item, true);
				done++;
			}
		}
	}

}
