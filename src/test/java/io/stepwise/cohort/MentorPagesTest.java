package io.stepwise.cohort;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.stepwise.account.AccountUser;
import io.stepwise.curriculum.CurriculumCatalog;
import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.curriculum.CurriculumTree.WeekView;
import io.stepwise.progress.Enrollments;
import io.stepwise.account.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static io.stepwise.cohort.CohortFixtures.SYLLABUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a mentor's pages show: the cohort list, the learners-by-weeks table and a learner.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ CohortFixtures.class })
class MentorPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CohortFixtures fixture;

	@Autowired
	Enrollments enrollments;

	@Autowired
	CurriculumCatalog catalog;

	@Autowired
	Clock clock;

	CurriculumTree syllabus;

	@BeforeEach
	void load() {
		this.syllabus = this.catalog.tree(SYLLABUS).orElseThrow();
	}

	@Test
	void cohortListShowsSizeAverageBehindInactiveAndReviews() throws Exception {
		Cohort cohort = this.fixture.cohort(3);
		AccountUser mentor = this.fixture.mentorOf(cohort);
		AccountUser onTrack = this.fixture.learnerIn(cohort);
		this.fixture.learnerIn(cohort, Instant.now(this.clock).minus(Duration.ofDays(20)));
		finishWeeks(onTrack, 3, Instant.now(this.clock).minus(Duration.ofHours(1)));
		Document page = page("/mentor", mentor);
		Element row = page.select("tbody tr")
			.stream()
			.filter((tr) -> tr.text().contains(cohort.getName()))
			.findFirst()
			.orElseThrow();
		List<String> cells = row.select("td").eachText();
		// Curriculum, size, average, behind, inactive, reviews.
		assertThat(cells.get(1)).isEqualTo("2");
		assertThat(cells.get(3)).isEqualTo("1");
		assertThat(cells.get(4)).isEqualTo("1");
		assertThat(cells.get(5)).isEqualTo("0");
		assertThat(row.select("a[href$=behind=true]")).hasSize(1);
	}

	@Test
	void cellsSayWhatTheLearnersOwnWeekPagesSay() throws Exception {
		Cohort cohort = this.fixture.cohort(2);
		AccountUser mentor = this.fixture.mentorOf(cohort);
		AccountUser learner = this.fixture.learnerIn(cohort);
		finishWeeks(learner, 1, Instant.now(this.clock).minus(Duration.ofHours(2)));
		long firstTaskOfWeek2 = this.syllabus.week(2).orElseThrow().tasks().get(0).id();
		this.enrollments.checkOffAt(learner.id(), this.syllabus.id(), firstTaskOfWeek2,
				Instant.now(this.clock).minus(Duration.ofHours(1)));

		Element row = page("/mentor/cohorts/" + cohort.getId(), mentor).select("tbody tr").first();
		List<Element> cells = row.select("td.week-cell");
		assertThat(cells).hasSize(24);
		for (int number = 1; number <= 24; number++) {
			String learnerSays = page("/curricula/" + SYLLABUS, learner).select("li.week-row .badge")
				.get(number - 1)
				.text();
			String mentorSees = cells.get(number - 1).select(".visually-hidden").text();
			if (learnerSays.equals("Finished")) {
				assertThat(mentorSees).startsWith("Week " + number + " finished on");
			}
			else if (learnerSays.startsWith("Locked")) {
				assertThat(mentorSees).isEqualTo("Week " + number + " locked");
			}
			else if (learnerSays.startsWith("0 of")) {
				assertThat(mentorSees).isEqualTo("Week " + number + " not started");
			}
			else {
				assertThat(learnerSays).isEqualTo("1 of 2 done");
				assertThat(mentorSees).isEqualTo("Week " + number + " in progress, 1 of 2 done");
			}
		}
		assertThat(cells.get(0).hasClass("cell-finished")).isTrue();
		assertThat(cells.get(1).hasClass("cell-in_progress")).isTrue();
		assertThat(cells.get(2).hasClass("cell-locked")).isTrue();
	}

	@Test
	void filtersAndSortTravelInTheQueryString() throws Exception {
		Cohort cohort = this.fixture.cohort(6);
		AccountUser mentor = this.fixture.mentorOf(cohort);
		AccountUser ahead = this.fixture.learnerIn(cohort);
		AccountUser behind = this.fixture.learnerIn(cohort);
		Instant now = Instant.now(this.clock);
		AccountUser idle = this.fixture.learnerIn(cohort, now.minus(Duration.ofDays(30)));
		finishWeeks(ahead, 8, now.minus(Duration.ofHours(1)));
		finishWeeks(behind, 1, now.minus(Duration.ofHours(1)));
		finishWeeks(idle, 2, now.minus(Duration.ofDays(12)));
		String base = "/mentor/cohorts/" + cohort.getId();

		assertThat(names(base + "?behind=true", mentor)).containsExactlyInAnyOrder(behind.getUsername(),
				idle.getUsername());
		assertThat(names(base + "?inactive=7", mentor)).containsExactly(idle.getUsername());
		assertThat(names(base + "?week=2", mentor)).containsExactly(behind.getUsername());
		assertThat(names(base + "?sort=-progress", mentor)).containsExactly(ahead.getUsername(), idle.getUsername(),
				behind.getUsername());
		assertThat(names(base + "?sort=progress", mentor)).containsExactly(behind.getUsername(), idle.getUsername(),
				ahead.getUsername());
		Document filtered = page(base + "?behind=true&sort=progress", mentor);
		assertThat(filtered.select("#filter-behind").attr("checked")).isNotNull();
		assertThat(filtered.select("a[download]").attr("href"))
			.isEqualTo(base + "/export.csv?behind=true&sort=progress");
		assertThat(filtered.select("[role=status]").text()).isEqualTo("2 of 3 learners match");
		// Nonsense in the query string is dropped, not an error.
		assertThat(names(base + "?inactive=-4&week=0&sort=bogus&page=x", mentor)).hasSize(3);
	}

	@Test
	void spreadChartCountsLearnersPerWeekWithATextAlternative() throws Exception {
		Cohort cohort = this.fixture.cohort(2);
		AccountUser mentor = this.fixture.mentorOf(cohort);
		finishWeeks(this.fixture.learnerIn(cohort), 2, Instant.now(this.clock).minus(Duration.ofHours(1)));
		finishWeeks(this.fixture.learnerIn(cohort), 2, Instant.now(this.clock).minus(Duration.ofHours(1)));
		this.fixture.learnerIn(cohort);
		Document page = page("/mentor/cohorts/" + cohort.getId(), mentor);
		Element chart = page.selectFirst("svg.spread-chart");
		assertThat(chart.attr("role")).isEqualTo("img");
		assertThat(chart.select("rect.spread-bar")).hasSize(25);
		assertThat(chart.select("rect.spread-bar title").eachText()).contains("Week 1: 1 learner", "Week 3: 2 learners",
				"Week 2: no learners", "Finished: 0");
		assertThat(page.select("details ul li").eachText()).contains("Week 1: 1 learner", "Week 3: 2 learners",
				"Finished: 0");
	}

	@Test
	void moreThanFiftyLearnersArePaged() throws Exception {
		Cohort cohort = this.fixture.cohort(1);
		AccountUser mentor = this.fixture.mentorOf(cohort);
		BulkLearners.add(this.fixture, cohort, 55);
		String base = "/mentor/cohorts/" + cohort.getId();
		Document first = page(base, mentor);
		assertThat(first.select("tbody tr")).hasSize(50);
		assertThat(first.select(".pagination a").eachText()).containsExactly("1", "2");
		assertThat(first.select(".pagination a[aria-current=page]").text()).isEqualTo("1");
		assertThat(page(base + "?page=2", mentor).select("tbody tr")).hasSize(5);
		// An old link past the end shows the last page.
		assertThat(page(base + "?page=9", mentor).select("tbody tr")).hasSize(5);
	}

	@Test
	void learnerPageShowsChecklistTimesAndTimeline() throws Exception {
		Cohort cohort = this.fixture.cohort(2);
		AccountUser mentor = this.fixture.mentorOf(cohort);
		AccountUser learner = this.fixture.learnerIn(cohort);
		finishWeeks(learner, 1, Instant.parse("2026-01-05T09:30:00Z"));
		Document page = page("/mentor/cohorts/" + cohort.getId() + "/learners/" + learner.getUsername(), mentor);
		assertThat(page.select("h1").text()).isEqualTo(learner.getDisplayName());
		assertThat(page.select("#checklist-heading ~ details").first().text()).contains("done 5 Jan 2026, 09:30");
		assertThat(page.select("ol.timeline li").eachText()).anyMatch((line) -> line.contains("Finished week 1"))
			.anyMatch((line) -> line.contains("Enrolled"));
	}

	private void finishWeeks(AccountUser learner, int weeks, Instant at) {
		for (int number = 1; number <= weeks; number++) {
			WeekView week = this.syllabus.week(number).orElseThrow();
			for (var task : week.tasks()) {
				this.enrollments.checkOffAt(learner.id(), this.syllabus.id(), task.id(), at);
			}
		}
	}

	private List<String> names(String path, AccountUser mentor) throws Exception {
		return page(path, mentor).select("tbody th[scope=row] div").eachText();
	}

	private Document page(String path, AccountUser user) throws Exception {
		String html = this.mvc.perform(get(path).with(user(user)).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(html);
	}

}
