package io.stepwise.progress;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.curriculum.CurriculumCatalog;
import io.stepwise.curriculum.CurriculumDraft;
import io.stepwise.curriculum.CurriculumDraft.WeekDraft;
import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.curriculum.CurriculumTree.PhaseView;
import io.stepwise.curriculum.CurriculumTree.WeekView;
import io.stepwise.support.AccessibilityChecks;
import io.stepwise.support.BundledDocuments;
import io.stepwise.support.StatementCounting;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.stepwise.progress.ProgressFlowTest.ROADMAP;
import static io.stepwise.progress.ProgressFlowTest.SYLLABUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The map of the curriculum on the overview and on the dashboard. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ TestAccounts.class, StatementCounting.class })
class CurriculumMapPagesTest {

	private static final String MAP = "section[aria-labelledby=map-heading]";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	CurriculumCatalog catalog;

	@Autowired
	ProgressService service;

	@Test
	void overviewMapShowsEveryWeekWithTheLearnersStateAndTodaysPlan() throws Exception {
		CurriculumTree syllabus = this.catalog.tree(SYLLABUS).orElseThrow();
		AccountUser learner = this.accounts.learner();
		// Three weeks in: the plan (a week per week) is at week 4, the learner on week 3.
		this.service.enroll(learner.id(), SYLLABUS, this.service.today(learner.zone()).minusWeeks(3));
		finishWeeks(learner, syllabus, 2);

		String html = html("/curricula/" + SYLLABUS, learner);
		AccessibilityChecks.assertAccessible("overview with map", html);
		Document page = Jsoup.parse(html);
		Element map = page.selectFirst(MAP);
		assertThat(map.selectFirst("#map-summary").text())
			.isEqualTo("2 of 24 weeks finished. You are on week 3. Today's plan: week 4.");

		List<String> names = syllabus.weeks().stream().map((week) -> name(week, stateOf(week.number()), 4)).toList();
		for (String kind : List.of("wide", "narrow")) {
			Element svg = map.selectFirst("svg.map-" + kind);
			assertThat(svg.attr("role")).isEqualTo("group");
			assertThat(svg.attr("aria-label")).isEqualTo("Map of the curriculum");
			assertPhasesInOrder(svg, syllabus);
			Elements nodes = svg.select("a");
			assertThat(nodes.eachAttr("aria-label")).as(kind).containsExactlyElementsOf(names);
			assertThat(nodes).extracting(CurriculumMapPagesTest::stateOf)
				.containsExactlyElementsOf(
						IntStream.rangeClosed(1, 24).mapToObj(CurriculumMapPagesTest::stateOf).toList());
			assertThat(svg.select("a:has(path.map-plan)").eachAttr("href"))
				.containsExactly("/curricula/" + SYLLABUS + "/weeks/4");
		}
		// The map in words: the same names, phase by phase.
		assertThat(map.select("details > ol > li")).hasSize(6);
		assertThat(map.select("details > ol > li").first().child(0).text()).isEqualTo("Foundations (Month 1)");
		assertThat(map.select("details li li").eachText()).containsExactlyElementsOf(names);
		assertThat(map.select("ul.map-legend li").eachText()).containsExactly("Finished", "Current week", "Locked",
				"Has project tasks", "Today's plan");
	}

	@Test
	void noPlanMarkerBeforeTheStartDate() throws Exception {
		AccountUser learner = this.accounts.learner();
		this.service.enroll(learner.id(), SYLLABUS, this.service.today(learner.zone()).plusDays(3));
		Element map = Jsoup.parse(html("/curricula/" + SYLLABUS, learner)).selectFirst(MAP);
		assertThat(map.select("path.map-plan")).isEmpty();
		assertThat(map.select("svg.map-wide a").first().attr("aria-label")).endsWith("current week, project tasks");
		assertThat(map.selectFirst("#map-summary").text()).isEqualTo("0 of 24 weeks finished. You are on week 1.");
	}

	@ParameterizedTest
	@ValueSource(strings = { SYLLABUS, ROADMAP })
	void projectWeeksCarryTheirMarkerAndVisitorsSeeNoStates(String slug) throws Exception {
		CurriculumDraft draft = BundledDocuments.draft(slug);
		List<String> projectWeeks = BundledDocuments.weeks(draft)
			.stream()
			.filter((week) -> !week.tasks().isEmpty())
			.map((week) -> "/curricula/" + slug + "/weeks/" + week.number())
			.toList();
		for (AccountUser visitor : new AccountUser[] { null, this.accounts.learner() }) {
			String html = html("/curricula/" + slug, visitor);
			AccessibilityChecks.assertAccessible("overview map of " + slug, html);
			Element map = Jsoup.parse(html).selectFirst(MAP);
			for (Element svg : map.select("svg.map-wide, svg.map-narrow")) {
				assertThat(svg.select("a:has(path.map-project)").eachAttr("href"))
					.containsExactlyElementsOf(projectWeeks);
				assertThat(svg.select("a")).hasSize(draft.phases().stream().mapToInt((p) -> p.weeks().size()).sum())
					.allSatisfy((node) -> assertThat(stateOf(node)).isEqualTo("none"));
				assertThat(svg.select("path.map-plan")).isEmpty();
			}
			assertThat(map.select("svg.map-wide a").eachAttr("aria-label"))
				.containsExactlyElementsOf(BundledDocuments.weeks(draft)
					.stream()
					.map((week) -> "Week " + week.number() + (week.title().isEmpty() ? "" : ": " + week.title())
							+ (week.tasks().isEmpty() ? "" : " \u2014 project tasks"))
					.toList());
			assertThat(map.select("ul.map-legend li").eachText()).containsExactly("Has project tasks");
			assertThat(map.selectFirst("#map-summary").text())
				.startsWith(draft.phases().stream().mapToInt((p) -> p.weeks().size()).sum() + " weeks in "
						+ draft.phases().size() + " phases, " + projectWeeks.size() + " with project tasks.");
		}
		if (slug.equals(ROADMAP)) {
			// The roadmap's project levels are weeks of their own, and the only ones with
			// tasks.
			assertThat(projectWeeks).hasSize(3);
			assertThat(BundledDocuments.weeks(draft)
				.stream()
				.filter((week) -> !week.tasks().isEmpty())
				.map(WeekDraft::title)).allMatch((title) -> title.contains("Projects"));
		}
	}

	@Test
	void dashboardShowsASmallMapForEachCurriculum() throws Exception {
		AccountUser learner = this.accounts.learner();
		LocalDate today = this.service.today(learner.zone());
		this.service.enroll(learner.id(), SYLLABUS, today.minusWeeks(3));
		this.service.enroll(learner.id(), ROADMAP, today);
		CurriculumTree syllabus = this.catalog.tree(SYLLABUS).orElseThrow();
		CurriculumTree roadmap = this.catalog.tree(ROADMAP).orElseThrow();
		finishWeeks(learner, syllabus, 2);

		String html = html("/dashboard", learner);
		AccessibilityChecks.assertAccessible("dashboard with maps", html);
		Document page = Jsoup.parse(html);
		Element mini = page.selectFirst("section[aria-labelledby=dashboard-" + SYLLABUS + "] svg.map-mini");
		assertThat(mini.attr("aria-label")).isEqualTo("Map of " + syllabus.title());
		assertThat(mini.select("text")).as("nodes only").isEmpty();
		assertPhasesInOrder(mini, syllabus);
		assertThat(mini.select("a").eachAttr("aria-label")).containsExactlyElementsOf(
				syllabus.weeks().stream().map((week) -> name(week, stateOf(week.number()), 4)).toList());
		assertThat(mini.select("a")).extracting(CurriculumMapPagesTest::stateOf)
			.containsExactlyElementsOf(IntStream.rangeClosed(1, 24).mapToObj(CurriculumMapPagesTest::stateOf).toList());

		Element other = page.selectFirst("section[aria-labelledby=dashboard-" + ROADMAP + "] svg.map-mini");
		assertThat(other.select("a")).hasSize(roadmap.weekCount());
		assertThat(other.select("a").first().attr("aria-label")).endsWith("current week, today's plan");
		assertThat(other.select("a").get(1).attr("aria-label")).endsWith("locked");
	}

	/** Week order, phase by phase: a group per phase holding links to its weeks. */
	private static void assertPhasesInOrder(Element svg, CurriculumTree curriculum) {
		Elements groups = svg.select("> g");
		assertThat(groups).hasSize(curriculum.phases().size());
		for (int i = 0; i < groups.size(); i++) {
			PhaseView phase = curriculum.phases().get(i);
			assertThat(groups.get(i).select("a").eachAttr("href")).containsExactlyElementsOf(phase.weeks()
				.stream()
				.map((week) -> "/curricula/" + curriculum.slug() + "/weeks/" + week.number())
				.toList());
		}
	}

	/** Weeks 1 and 2 finished, 3 current, the rest locked. */
	private static String stateOf(int week) {
		return (week <= 2) ? "finished" : (week == 3) ? "current" : "locked";
	}

	private static String stateOf(Element node) {
		return node.selectFirst("circle.map-node")
			.classNames()
			.stream()
			.filter((name) -> !name.equals("map-node"))
			.findFirst()
			.orElseThrow()
			.substring("map-".length());
	}

	private static String name(WeekView week, String state, int planned) {
		String words = switch (state) {
			case "current" -> "current week";
			default -> state;
		};
		return "Week " + week.number() + (week.hasTitle() ? ": " + week.title() : "") + " \u2014 " + words
				+ (week.tasks().isEmpty() ? "" : ", project tasks")
				+ ((week.number() == planned) ? ", today's plan" : "");
	}

	private void finishWeeks(AccountUser learner, CurriculumTree curriculum, int weeks) {
		for (WeekView week : curriculum.weeks().subList(0, weeks)) {
			for (long item : LearnerProgress.requiredItems(week)) {
				this.service.setDone(learner.id(), curriculum.slug(), item, true);
			}
		}
	}

	private String html(String path, AccountUser visitor) throws Exception {
		MockHttpServletRequestBuilder request = get(path);
		if (visitor != null) {
			request = request.with(user(visitor));
		}
		String html = this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/map-out/" + path.replace('/', '_') + ".html"),
				html);
		return html;
	}

}
