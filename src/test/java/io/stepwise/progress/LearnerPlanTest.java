package io.stepwise.progress;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.curriculum.CurriculumCatalog;
import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.support.AccessibilityChecks;
import io.stepwise.support.StatementCounter;
import io.stepwise.support.StatementCounting;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.stepwise.progress.ProgressFlowTest.ROADMAP;
import static io.stepwise.progress.ProgressFlowTest.SYLLABUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The plan on the learner's pages and in their calendar feed, at a fixed moment: Monday 4
 * January 2027, 20:00 UTC, when it is already Tuesday 5 January in Auckland.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ TestAccounts.class, StatementCounting.class })
class LearnerPlanTest {

	static final Instant NOW = Instant.parse("2027-01-04T20:00:00Z");

	static final LocalDate TUESDAY = LocalDate.of(2027, 1, 5);

	/**
	 * The feed, with the caches empty: the token (1), the learner's enrollments (1), the
	 * starts of their cohorts (1), the versions of their curricula (1) and their trees
	 * read together (8).
	 */
	static final long FEED_STATEMENTS = 12;

	@TestBean(name = "clock")
	Clock clock;

	static Clock clock() {
		return Clock.fixed(NOW, ZoneOffset.UTC);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	ProgressService service;

	@Autowired
	CurriculumCatalog catalog;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StatementCounter statements;

	@Test
	void theOverviewShowsEachWeeksPlannedDaysToAnEnrolledLearner() throws Exception {
		AccountUser learner = this.accounts.learner("Pacific/Auckland");
		this.service.enroll(learner.id(), SYLLABUS, TUESDAY);
		this.service.enroll(learner.id(), ROADMAP, TUESDAY);
		String syllabusHtml = html("/curricula/" + SYLLABUS, learner);
		Document syllabus = Jsoup.parse(syllabusHtml);
		List<Element> dates = syllabus.select("li.week-row .plan-dates");
		assertThat(dates).hasSize(24);
		assertThat(dates.get(0).text()).isEqualTo("5–11 January");
		assertThat(dates.get(0).select("time").eachAttr("datetime")).containsExactly("2027-01-05", "2027-01-11");
		assertThat(dates.get(3).text()).isEqualTo("26 January – 1 February");
		assertThat(dates.get(23).text()).isEqualTo("15–21 June");
		AccessibilityChecks.assertAccessible("overview with plan", syllabusHtml);
		// The roadmap spreads 19 topics over 52 weeks: the first takes 19 days.
		List<Element> roadmap = page("/curricula/" + ROADMAP, learner).select("li.week-row .plan-dates");
		assertThat(roadmap).hasSize(19);
		assertThat(roadmap.get(0).text()).isEqualTo("5–23 January");
		assertThat(roadmap.get(18).text()).isEqualTo("16 December 2027 – 3 January 2028");
		// Visitors who do not follow the curriculum see no dates.
		assertThat(Jsoup
			.parse(this.mvc.perform(get("/curricula/" + SYLLABUS)).andReturn().getResponse().getContentAsString())
			.select(".plan-dates")).isEmpty();
	}

	@Test
	void todayIsTheLearnersOwnSoTheSameMomentStandsDifferentlyAcrossZones() throws Exception {
		AccountUser auckland = this.accounts.learner("Pacific/Auckland");
		AccountUser losAngeles = this.accounts.learner("America/Los_Angeles");
		this.service.enroll(auckland.id(), SYLLABUS, TUESDAY);
		this.service.enroll(losAngeles.id(), SYLLABUS, TUESDAY);
		String week1 = "/curricula/" + SYLLABUS + "/weeks/1";
		String aucklandHtml = html(week1, auckland);
		Document inAuckland = Jsoup.parse(aucklandHtml);
		assertThat(planLine(inAuckland)).isEqualTo("Planned 5–11 January; you are on schedule");
		AccessibilityChecks.assertAccessible("week page with plan", aucklandHtml);
		// In Los Angeles it is still Monday: the start lies ahead.
		Document inLosAngeles = page(week1, losAngeles);
		assertThat(planLine(inLosAngeles)).isEqualTo("Planned 5–11 January; not started yet: starts 5 January");
		assertThat(inLosAngeles.select("#plan-line time").eachAttr("datetime")).containsExactly("2027-01-05",
				"2027-01-11", "2027-01-05");
		assertThat(planLine(page("/curricula/" + SYLLABUS + "/weeks/3", losAngeles)))
			.isEqualTo("Planned 19–25 January; not started yet: starts 5 January");
	}

	@Test
	void theWeekPageSaysHowFarAheadOrBehindTheLearnerIs() throws Exception {
		AccountUser behind = this.accounts.learner();
		// Three weeks before today: two weeks are due and the learner is on week 1.
		this.service.enroll(behind.id(), SYLLABUS, LocalDate.of(2026, 12, 15));
		assertThat(planLine(page("/curricula/" + SYLLABUS + "/weeks/3", behind)))
			.isEqualTo("Planned 29 December 2026 – 4 January 2027; you are 2 weeks behind");
		AccountUser ahead = this.accounts.learner();
		this.service.enroll(ahead.id(), SYLLABUS, LocalDate.of(2027, 1, 4));
		finishWeek(ahead, 1);
		assertThat(planLine(page("/curricula/" + SYLLABUS + "/weeks/2", ahead)))
			.isEqualTo("Planned 11–17 January; you are 1 week ahead");
	}

	@Test
	void aCohortsStartStandsOverTheLearnersOwnOnTheirPagesAndInTheirCalendar() throws Exception {
		AccountUser learner = this.accounts.learner();
		this.service.enroll(learner.id(), SYLLABUS, TUESDAY);
		joinCohort(learner, SYLLABUS, LocalDate.of(2026, 12, 22));
		Document week1 = page("/curricula/" + SYLLABUS + "/weeks/1", learner);
		// 13 days since the cohort began: week 1 was due yesterday.
		assertThat(planLine(week1)).isEqualTo("Planned 22–28 December; you are 1 week behind");
		String feed = feed(turnOn(learner));
		assertThat(feed).contains("DTSTART;VALUE=DATE:20261222\r\nDTEND;VALUE=DATE:20261229\r\n");
	}

	@Test
	void theFeedIsTurnedOnShownOnceAndHoldsOneAllDayEventPerPlannedWeek() throws Exception {
		AccountUser learner = this.accounts.learner();
		// A Sunday: weeks run Sunday to Saturday.
		this.service.enroll(learner.id(), SYLLABUS, LocalDate.of(2027, 1, 3));
		this.service.enroll(learner.id(), ROADMAP, TUESDAY);
		this.mvc.perform(post("/account/calendar").with(user(learner))).andExpect(status().isForbidden());
		MvcResult on = this.mvc.perform(post("/account/calendar").with(user(learner)).with(csrf()))
			.andExpect(redirectedUrl("/account"))
			.andReturn();
		String url = (String) on.getFlashMap().get("calendarUrl");
		assertThat(url).matches("http://localhost:8080/calendar/[A-Za-z0-9_-]{43}\\.ics");
		String shownHtml = settingsHtml(learner, on);
		Document shown = Jsoup.parse(shownHtml);
		assertThat(shown.getElementById("calendar-url").attr("value")).isEqualTo(url);
		assertThat(shown.text()).contains("Your calendar feed is on.", "it is shown only this once",
				"Anyone who has the address sees your plan");
		AccessibilityChecks.assertAccessible("account with calendar address", shownHtml);
		Document later = settings(learner);
		assertThat(later.getElementById("calendar-url")).isNull();
		assertThat(later.outerHtml()).doesNotContain(url.substring(url.lastIndexOf('/') + 1));
		assertThat(later.text()).contains("Your calendar feed is on since 4 Jan 2027");
		// Only a hash of the token is kept.
		String token = url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
		assertThat(this.jdbc.queryForObject("select token_hash from calendar_feed where account_id = ?", String.class,
				learner.id()))
			.isEqualTo(CalendarFeeds.hash(token))
			.isNotEqualTo(token);

		String feed = feed(url);
		assertThat(feed).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:").endsWith("END:VCALENDAR\r\n");
		assertThat(feed.replace("\r\n", "")).doesNotContain("\r", "\n");
		for (String line : feed.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
		}
		List<String> lines = Arrays.asList(ICalendarWriterTest.unfold(feed).split("\r\n"));
		assertThat(lines.stream().filter("BEGIN:VEVENT"::equals)).hasSize(24 + 19);
		assertThat(lines.stream().filter((line) -> line.startsWith("UID:")).distinct()).hasSize(24 + 19);
		assertThat(lines).contains("DTSTAMP:20270104T200000Z", "DTSTART;VALUE=DATE:20270103",
				"DTEND;VALUE=DATE:20270110", "DTSTART;VALUE=DATE:20270110", "DTEND;VALUE=DATE:20270117",
				"URL;VALUE=URI:http://localhost:8080/curricula/" + SYLLABUS + "/weeks/1",
				"URL;VALUE=URI:http://localhost:8080/curricula/" + ROADMAP + "/weeks/19");
		CurriculumTree syllabus = this.catalog.tree(SYLLABUS).orElseThrow();
		String firstSummary = lines.stream().filter((line) -> line.startsWith("SUMMARY:")).findFirst().orElseThrow();
		assertThat(firstSummary).startsWith("SUMMARY:" + escaped(syllabus.title()) + ": week 1");
		String firstDescription = lines.stream()
			.filter((line) -> line.startsWith("DESCRIPTION:"))
			.findFirst()
			.orElseThrow();
		assertThat(firstDescription)
			.startsWith("DESCRIPTION:Week page: http://localhost:8080/curricula/" + SYLLABUS + "/weeks/1");
		syllabus.week(1)
			.orElseThrow()
			.tasks()
			.forEach((task) -> assertThat(firstDescription).contains("\\n- " + escaped(task.text())));
		// The plan and nothing else: not who the learner is, nor how far they got.
		assertThat(feed).doesNotContain(learner.getUsername(), learner.getDisplayName(), "@example.org");
		// The same feed later: the same events.
		assertThat(feed(url)).isEqualTo(feed);
	}

	@Test
	void theFeedNeedsNoLoginStartsNoSessionAndTellsNothingToUnknownTokens() throws Exception {
		AccountUser learner = this.accounts.learner();
		this.service.enroll(learner.id(), SYLLABUS, TUESDAY);
		String path = path(turnOn(learner));
		MvcResult result = this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn();
		MockHttpServletResponse response = result.getResponse();
		assertThat(result.getRequest().getSession(false)).isNull();
		assertThat(response.getHeaders("Set-Cookie")).isEmpty();
		assertThat(response.getContentType()).isEqualToIgnoringCase("text/calendar;charset=UTF-8");
		assertThat(response.getHeader("Cache-Control")).contains("private").doesNotContain("public");
		assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");

		MvcResult headResult = this.mvc.perform(head(path)).andExpect(status().isOk()).andReturn();
		assertThat(headResult.getResponse().getContentType()).isEqualToIgnoringCase("text/calendar;charset=UTF-8");
		assertThat(headResult.getResponse().getHeaders("Set-Cookie")).isEmpty();

		String unknown = "/calendar/" + "A".repeat(43) + ".ics";
		for (String missing : new String[] { unknown, "/calendar/nonsense.ics",
				"/calendar/" + "A".repeat(44) + ".ics" }) {
			MvcResult refused = this.mvc.perform(get(missing)).andExpect(status().isNotFound()).andReturn();
			assertThat(refused.getResponse().getContentAsString()).isEmpty();
			assertThat(refused.getResponse().getHeaders("Set-Cookie")).isEmpty();
			assertThat(refused.getRequest().getSession(false)).isNull();
		}
		this.mvc.perform(head(unknown)).andExpect(status().isNotFound());
	}

	@Test
	void aReplacedAddressStopsAndATurnedOffFeedIsGone() throws Exception {
		AccountUser learner = this.accounts.learner();
		this.service.enroll(learner.id(), SYLLABUS, TUESDAY);
		String first = path(turnOn(learner));
		MvcResult replaced = this.mvc.perform(post("/account/calendar/replace").with(user(learner)).with(csrf()))
			.andExpect(redirectedUrl("/account"))
			.andReturn();
		assertThat(replaced.getFlashMap().get("message")).isEqualTo("calendar.replaced");
		String second = path((String) replaced.getFlashMap().get("calendarUrl"));
		assertThat(second).isNotEqualTo(first);
		this.mvc.perform(get(first)).andExpect(status().isNotFound());
		this.mvc.perform(get(second)).andExpect(status().isOk());

		this.mvc.perform(post("/account/calendar/disable").with(user(learner))).andExpect(status().isForbidden());
		this.mvc.perform(get(second)).andExpect(status().isOk());
		this.mvc.perform(post("/account/calendar/disable").with(user(learner)).with(csrf()))
			.andExpect(redirectedUrl("/account"));
		this.mvc.perform(get(second)).andExpect(status().isNotFound());
		assertThat(settings(learner).text()).contains("Your calendar feed is off.");
	}

	@Test
	void aDisabledAccountsFeedStopsAndComesBackWithTheAccount() throws Exception {
		AccountUser learner = this.accounts.learner();
		this.service.enroll(learner.id(), SYLLABUS, TUESDAY);
		String feed = path(turnOn(learner));
		this.jdbc.update("update app_user set enabled = false where id = ?", learner.id());
		this.mvc.perform(get(feed)).andExpect(status().isNotFound());
		this.jdbc.update("update app_user set enabled = true where id = ?", learner.id());
		this.mvc.perform(get(feed)).andExpect(status().isOk());
	}

	@Test
	void eachFeedShowsItsOwnLearnersPlanOnly() throws Exception {
		AccountUser onSyllabus = this.accounts.learner();
		AccountUser onRoadmap = this.accounts.learner();
		this.service.enroll(onSyllabus.id(), SYLLABUS, TUESDAY);
		this.service.enroll(onRoadmap.id(), ROADMAP, LocalDate.of(2027, 2, 1));
		String syllabusFeed = feed(turnOn(onSyllabus));
		String roadmapFeed = feed(turnOn(onRoadmap));
		assertThat(count(syllabusFeed, "BEGIN:VEVENT")).isEqualTo(24);
		assertThat(count(roadmapFeed, "BEGIN:VEVENT")).isEqualTo(19);
		assertThat(syllabusFeed).doesNotContain(ROADMAP).contains("DTSTART;VALUE=DATE:20270105");
		assertThat(roadmapFeed).doesNotContain(SYLLABUS).contains("DTSTART;VALUE=DATE:20270201");
	}

	@Test
	void theFeedIssuesAFixedNumberOfStatements() throws Exception {
		AccountUser both = this.accounts.learner();
		this.service.enroll(both.id(), SYLLABUS, TUESDAY);
		this.service.enroll(both.id(), ROADMAP, TUESDAY);
		AccountUser one = this.accounts.learner();
		this.service.enroll(one.id(), ROADMAP, TUESDAY);
		joinCohort(one, ROADMAP, LocalDate.of(2026, 12, 1));
		for (String path : new String[] { path(turnOn(both)), path(turnOn(one)) }) {
			this.statements.reset();
			this.mvc.perform(get(path)).andExpect(status().isOk());
			assertThat(this.statements.total()).as(path).isEqualTo(FEED_STATEMENTS);
		}
		// A well-formed unknown token costs its one look-up; anything else none.
		this.statements.reset();
		this.mvc.perform(get("/calendar/" + "B".repeat(43) + ".ics")).andExpect(status().isNotFound());
		assertThat(this.statements.total()).isEqualTo(1);
		this.statements.reset();
		this.mvc.perform(get("/calendar/x.ics")).andExpect(status().isNotFound());
		assertThat(this.statements.total()).isZero();
	}

	private String turnOn(AccountUser learner) throws Exception {
		return (String) this.mvc.perform(post("/account/calendar").with(user(learner)).with(csrf()))
			.andExpect(redirectedUrl("/account"))
			.andReturn()
			.getFlashMap()
			.get("calendarUrl");
	}

	private static String path(String url) {
		return url.substring("http://localhost:8080".length());
	}

	/** The feed as a calendar app fetches it: no login, no cookie. */
	private String feed(String url) throws Exception {
		return this.mvc.perform(get(path(url)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/**
	 * The account page, with the flash of the write before it when given. The flash is
	 * handed over as the redirect would (as request attributes of the next page): the
	 * fixed clock would end a real session at once.
	 */
	private String settingsHtml(AccountUser learner, MvcResult after) throws Exception {
		MockHttpServletRequestBuilder request = get("/account").with(user(learner));
		if (after != null) {
			after.getFlashMap().forEach(request::requestAttr);
		}
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private Document settings(AccountUser learner) throws Exception {
		return Jsoup.parse(settingsHtml(learner, null));
	}

	private Document page(String path, AccountUser learner) throws Exception {
		return Jsoup.parse(html(path, learner));
	}

	private String html(String path, AccountUser learner) throws Exception {
		return this.mvc.perform(get(path).with(user(learner)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static String planLine(Document page) {
		return page.select("#plan-line").text();
	}

	private void finishWeek(AccountUser learner, int number) {
		CurriculumTree tree = this.catalog.tree(SYLLABUS).orElseThrow();
		for (long item : LearnerProgress.requiredItems(tree.week(number).orElseThrow())) {
			this.service.setDone(learner.id(), SYLLABUS, item, true);
		}
	}

	private void joinCohort(AccountUser learner, String slug, LocalDate start) {
		long curriculumId = this.catalog.idOf(slug).orElseThrow();
		String code = UUID.randomUUID().toString().substring(0, 16);
		this.jdbc.update(
				"insert into cohort (name, curriculum_id, start_date, invite_code, created_at) values (?, ?, ?, ?, ?)",
				"Cohort " + code, curriculumId, start, code, Timestamp.from(NOW));
		Long cohortId = this.jdbc.queryForObject("select id from cohort where invite_code = ?", Long.class, code);
		this.jdbc.update("insert into cohort_learner (cohort_id, learner_id, joined_at) values (?, ?, ?)", cohortId,
				learner.id(), Timestamp.from(NOW));
	}

	private static long count(String text, String line) {
		return Arrays.stream(text.split("\r\n")).filter(line::equals).count();
	}

	private static String escaped(String text) {
		return ICalendarWriter.escape(text);
	}

}
