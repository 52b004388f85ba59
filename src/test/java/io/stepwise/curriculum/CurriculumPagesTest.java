package io.stepwise.curriculum;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.curriculum.CurriculumDraft.PhaseDraft;
import io.stepwise.curriculum.CurriculumDraft.ReferenceDraft;
import io.stepwise.curriculum.CurriculumDraft.ResourceDraft;
import io.stepwise.curriculum.CurriculumDraft.SectionDraft;
import io.stepwise.curriculum.CurriculumDraft.SkillDraft;
import io.stepwise.curriculum.CurriculumDraft.WeekDraft;
import io.stepwise.support.BundledDocuments;
import io.stepwise.support.StatementCounting;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.stepwise.support.BundledDocuments.weeks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The curriculum pages show everything the two bundled documents hold. The expected
 * content is what the parser reads from the shipped documents, so a page that drops a
 * skill, a link or a citation fails here whatever the document says.
 * <p>
 * Every check runs for an anonymous visitor and for a learner who has just signed up,
 * since the learner's pages are built with the progress module's additions.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ StatementCounting.class, TestAccounts.class })
class CurriculumPagesTest {

	private static final Pattern CITATION_MARKER = Pattern.compile("\\[(\\d+)]");

	@Autowired
	MockMvc mvc;

	@Autowired
	MessageSource messages;

	@Autowired
	TestAccounts accounts;

	static Stream<Arguments> curriculaAndVisitors() {
		return BundledDocuments.slugs()
			.flatMap((slug) -> Stream.of(Arguments.of(slug, false), Arguments.of(slug, true)));
	}

	@ParameterizedTest(name = "{0}, new learner: {1}")
	@MethodSource("curriculaAndVisitors")
	void homeListsTheCurriculumWithALinkToItsOverview(String slug, boolean learner) throws Exception {
		CurriculumDraft draft = BundledDocuments.draft(slug);
		Document home = page("/", visitor(learner));
		assertThat(home.select("main a[href=/curricula/" + slug + "]").eachText()).containsExactly(draft.title());
	}

	@ParameterizedTest(name = "{0}, new learner: {1}")
	@MethodSource("curriculaAndVisitors")
	void overviewShowsTitleIntroAndGuidelines(String slug, boolean learner) throws Exception {
		CurriculumDraft draft = BundledDocuments.draft(slug);
		Document overview = page("/curricula/" + slug, visitor(learner));
		assertThat(overview.select("h1").text()).isEqualTo(draft.title());
		if (draft.intro().isEmpty()) {
			assertThat(overview.select(".lead-text")).isEmpty();
		}
		else {
			assertThat(overview.select(".lead-text").text()).isEqualTo(BundledDocuments.plainText(draft.intro()));
		}
		List<String> guidelines = draft.guidelines().stream().map(BundledDocuments::plainText).toList();
		assertThat(overview.select("#guidelines-heading + ul > li").eachText()).containsExactlyElementsOf(guidelines);
	}

	@ParameterizedTest(name = "{0}, new learner: {1}")
	@MethodSource("curriculaAndVisitors")
	void overviewShowsEveryPhaseWithGoalAndMonthsAndEveryWeekWithItsSkills(String slug, boolean learner)
			throws Exception {
		CurriculumDraft draft = BundledDocuments.draft(slug);
		Document overview = page("/curricula/" + slug, visitor(learner));
		Elements phases = overview.select("section.phase");
		assertThat(phases).hasSize(draft.phases().size());
		for (int i = 0; i < phases.size(); i++) {
			PhaseDraft phase = draft.phases().get(i);
			Element section = phases.get(i);
			assertThat(section.selectFirst("h3").text()).isEqualTo(monthLabel(phase.months()) + " " + phase.title());
			if (phase.goal().isEmpty()) {
				assertThat(section.text()).doesNotContain(message("phase.goal"));
			}
			else {
				assertThat(section.text()).contains(message("phase.goal") + " " + phase.goal());
			}
			Elements rows = section.select("li.week-row");
			assertThat(rows).hasSize(phase.weeks().size());
			for (int w = 0; w < rows.size(); w++) {
				WeekDraft week = phase.weeks().get(w);
				Element row = rows.get(w);
				Element link = row.selectFirst("a[href=/curricula/" + slug + "/weeks/" + week.number() + "]");
				assertThat(link).as("link to week %d", week.number()).isNotNull();
				assertThat(link.text()).isEqualTo(weekLabel(week));
				assertThat(citations(row.selectFirst(".citations"))).isEqualTo(week.citations());
				assertThat(row.select("p span:not(.visually-hidden)").eachText())
					.containsExactlyElementsOf(withSeparators(week.skills().stream().map(SkillDraft::name).toList()));
			}
		}
	}

	@ParameterizedTest(name = "{0}, new learner: {1}")
	@MethodSource("curriculaAndVisitors")
	void overviewShowsToolsAndInformationSectionsWithTheirResourcesAndText(String slug, boolean learner)
			throws Exception {
		CurriculumDraft draft = BundledDocuments.draft(slug);
		Document overview = page("/curricula/" + slug, visitor(learner));
		List<SectionDraft> groups = draft.sections()
			.stream()
			.filter((section) -> section.kind() == SectionKind.RESOURCES)
			.toList();
		if (groups.isEmpty()) {
			assertThat(overview.select("#tools-heading")).isEmpty();
		}
		else {
			assertThat(overview.select("#tools-heading").text()).isEqualTo(groups.get(0).part());
			Elements shown = overview.select("#tools-heading ~ div > section");
			assertThat(shown).hasSize(groups.size());
			for (int i = 0; i < groups.size(); i++) {
				SectionDraft group = groups.get(i);
				Element heading = shown.get(i).selectFirst("h3");
				assertThat(heading.selectFirst("span").text()).isEqualTo(group.title());
				assertThat(citations(heading.selectFirst(".citations"))).isEqualTo(group.citations());
				assertResources(shown.get(i).select("ul.resources > li"), group.resources());
			}
		}
		List<SectionDraft> info = draft.sections()
			.stream()
			.filter((section) -> section.kind() == SectionKind.INFO)
			.toList();
		Elements infoShown = overview.select("section.info-section");
		assertThat(infoShown).hasSize(info.size());
		for (int i = 0; i < info.size(); i++) {
			SectionDraft section = info.get(i);
			Element shown = infoShown.get(i);
			assertThat(shown.selectFirst("h2 > span").text()).isEqualTo(section.title());
			assertThat(citations(shown.selectFirst("h2 > .citations"))).isEqualTo(section.citations());
			String text = shown.selectFirst("h2 + div").text();
			assertThat(BundledDocuments.textRuns(section.body())).allSatisfy((run) -> assertThat(text).contains(run));
		}
	}

	@ParameterizedTest(name = "{0}, new learner: {1}")
	@MethodSource("curriculaAndVisitors")
	void overviewListsEveryReferenceWithItsLinkOpeningSafely(String slug, boolean learner) throws Exception {
		CurriculumDraft draft = BundledDocuments.draft(slug);
		Document overview = page("/curricula/" + slug, visitor(learner));
		Elements listed = overview.select("#references-heading + ol.references > li");
		assertThat(listed).hasSize(draft.references().size());
		for (int i = 0; i < listed.size(); i++) {
			ReferenceDraft reference = draft.references().get(i);
			Element item = listed.get(i);
			assertThat(item.id()).isEqualTo("ref-" + reference.number());
			assertThat(item.attr("value")).isEqualTo(String.valueOf(reference.number()));
			assertExternalLink(item.selectFirst("a"), reference.url());
		}
	}

	@ParameterizedTest(name = "{0}, new learner: {1}")
	@MethodSource("curriculaAndVisitors")
	void overviewLinksEveryCitationInItsTextToTheReferenceList(String slug, boolean learner) throws Exception {
		CurriculumDraft draft = BundledDocuments.draft(slug);
		Document overview = page("/curricula/" + slug, visitor(learner));
		assertCitationsResolveOnThePage(overview, draft);
		Set<Integer> expected = new LinkedHashSet<>();
		weeks(draft).forEach((week) -> expected.addAll(week.citations()));
		for (SectionDraft section : draft.sections()) {
			expected.addAll(section.citations());
			section.resources().forEach((resource) -> expected.addAll(resource.citations()));
			expected.addAll(markersIn(section.body()));
		}
		assertThat(linkedCitations(overview)).containsAll(expected);
	}

	@ParameterizedTest(name = "{0}, new learner: {1}")
	@MethodSource("curriculaAndVisitors")
	void weekPagesShowEverySkillResourceAndTaskOfTheirWeek(String slug, boolean learner) throws Exception {
		CurriculumDraft draft = BundledDocuments.draft(slug);
		AccountUser visitor = visitor(learner);
		for (PhaseDraft phase : draft.phases()) {
			for (WeekDraft week : phase.weeks()) {
				Document page = page("/curricula/" + slug + "/weeks/" + week.number(), visitor);
				Element title = page.selectFirst("h1").clone();
				title.select(".citations").remove();
				assertThat(title.text()).isEqualTo(weekLabel(week));
				assertThat(citations(page.selectFirst("h1 > .citations"))).isEqualTo(week.citations());
				assertThat(page.select("#week-body > header > p").first().text())
					.isEqualTo(monthLabel(phase.months()) + " · " + phase.title());
				if (!phase.goal().isEmpty()) {
					assertThat(page.select("#week-body > header").text())
						.contains(message("phase.goal") + " " + phase.goal());
				}
				assertSkills(page, week.skills());
				assertResources(page.select("#resources-heading ~ ul.resources > li"), week.resources());
				assertThat(page.select("#tasks-heading + ol > li span[id^=task-text-]").eachText())
					.containsExactlyElementsOf(week.tasks());
				assertCitationsResolveOnThePage(page, draft);
				Set<Integer> cited = new LinkedHashSet<>(week.citations());
				week.skills().forEach((skill) -> cited.addAll(skill.citations()));
				week.resources().forEach((resource) -> cited.addAll(resource.citations()));
				assertThat(page.select("#references-heading + ol > li").eachAttr("id"))
					.containsExactlyElementsOf(cited.stream().sorted().map((n) -> "ref-" + n).toList());
			}
		}
	}

	@ParameterizedTest(name = "{0}, new learner: {1}")
	@MethodSource("curriculaAndVisitors")
	void weekPagesLinkToThePreviousAndNextWeekAndBackToTheOverview(String slug, boolean learner) throws Exception {
		int last = weeks(BundledDocuments.draft(slug)).size();
		String base = "/curricula/" + slug;
		AccountUser visitor = visitor(learner);
		for (int n = 1; n <= last; n++) {
			Element nav = page(base + "/weeks/" + n, visitor)
				.selectFirst("nav[aria-label=\"" + message("week.nav.label") + "\"]");
			assertThat(nav.select("a[rel=prev]").eachAttr("href"))
				.containsExactlyElementsOf((n > 1) ? List.of(base + "/weeks/" + (n - 1)) : List.of());
			assertThat(nav.select("a[rel=next]").eachAttr("href"))
				.containsExactlyElementsOf((n < last) ? List.of(base + "/weeks/" + (n + 1)) : List.of());
			assertThat(nav.select("a[href=" + base + "]")).hasSize(1);
		}
	}

	@Test
	void pagesTogetherShowEveryItemOfBothDocuments() throws Exception {
		// A sweep over the whole site as a reader would do it, independent of where each
		// item is expected to be: no skill, task, resource or reference is missing.
		for (String slug : BundledDocuments.slugs().toList()) {
			CurriculumDraft draft = BundledDocuments.draft(slug);
			StringBuilder text = new StringBuilder();
			List<String> links = new ArrayList<>();
			List<Document> pages = new ArrayList<>();
			pages.add(page("/curricula/" + slug, null));
			for (WeekDraft week : weeks(draft)) {
				pages.add(page("/curricula/" + slug + "/weeks/" + week.number(), null));
			}
			for (Document page : pages) {
				text.append(page.select("main").text()).append('\n');
				links.addAll(page.select("main a[href^=http]").eachAttr("href"));
			}
			String all = text.toString();
			assertThat(BundledDocuments.skills(draft)).allSatisfy((skill) -> {
				assertThat(all).contains(skill.name());
				assertThat(all).contains(skill.description());
			});
			assertThat(BundledDocuments.tasks(draft)).allSatisfy((task) -> assertThat(all).contains(task));
			assertThat(BundledDocuments.resources(draft)).allSatisfy((resource) -> {
				assertThat(all).contains(resource.title());
				if (resource.url() != null) {
					assertThat(links).contains(resource.url());
				}
			});
			assertThat(links).containsAll(draft.references().stream().map(ReferenceDraft::url).toList());
		}
	}

	private void assertSkills(Document page, List<SkillDraft> skills) {
		if (skills.isEmpty()) {
			assertThat(page.select("#skills-heading")).isEmpty();
			return;
		}
		Elements items = page.select("#skills-heading + ul > li");
		assertThat(items).hasSize(skills.size());
		for (int i = 0; i < skills.size(); i++) {
			SkillDraft skill = skills.get(i);
			Element item = items.get(i);
			assertThat(item.selectFirst("strong").text()).isEqualTo(skill.name());
			String expected = skill.name() + (skill.description().isEmpty() ? "" : ": " + skill.description());
			assertThat(item.text()).startsWith(expected);
			assertThat(citations(item.selectFirst(".citations"))).isEqualTo(skill.citations());
		}
	}

	private void assertResources(Elements items, List<ResourceDraft> resources) {
		assertThat(items).hasSize(resources.size());
		for (int i = 0; i < resources.size(); i++) {
			ResourceDraft resource = resources.get(i);
			Element item = items.get(i);
			assertThat(item.selectFirst("span.badge").text())
				.isEqualTo(message("resource.kind." + resource.kind().name()));
			List<Element> links = item.select("a").stream().filter((a) -> a.closest(".citations") == null).toList();
			if (resource.url() == null) {
				assertThat(links).isEmpty();
				assertThat(item.selectFirst("strong").text()).isEqualTo(resource.title());
			}
			else {
				assertThat(links).hasSize(1);
				assertThat(links.get(0).text()).isEqualTo(resource.title());
				assertExternalLink(links.get(0), resource.url());
			}
			if (!resource.description().isEmpty()) {
				assertThat(item.text()).contains(resource.title() + ": " + resource.description());
			}
			assertThat(citations(item.selectFirst(".citations"))).isEqualTo(resource.citations());
		}
	}

	static void assertExternalLink(Element link, String url) {
		assertThat(link).as("link to %s", url).isNotNull();
		assertThat(link.attr("href")).isEqualTo(url);
		assertThat(link.attr("rel")).isEqualTo("noopener noreferrer");
		assertThat(link.attr("target")).isEqualTo("_blank");
	}

	/**
	 * Every citation marker is a link to an item of the page's own reference list, and
	 * that item links to the reference's URL.
	 */
	private static void assertCitationsResolveOnThePage(Document page, CurriculumDraft draft) {
		Map<Integer, String> urls = draft.references()
			.stream()
			.collect(Collectors.toMap(ReferenceDraft::number, ReferenceDraft::url));
		for (Element marker : page.select("a[href^=#ref-]")) {
			int number = Integer.parseInt(marker.attr("href").substring("#ref-".length()));
			assertThat(marker.text()).endsWith("[" + number + "]");
			Element target = page.getElementById("ref-" + number);
			assertThat(target).as("target of citation [%d]", number).isNotNull();
			assertExternalLink(target.selectFirst("a"), urls.get(number));
		}
	}

	private static List<Integer> citations(Element citations) {
		if (citations == null) {
			return List.of();
		}
		return citations.select("a").eachAttr("href").stream().map((href) -> {
			assertThat(href).startsWith("#ref-");
			return Integer.parseInt(href.substring("#ref-".length()));
		}).toList();
	}

	private static Set<Integer> linkedCitations(Document page) {
		return page.select("a[href^=#ref-]")
			.eachAttr("href")
			.stream()
			.map((href) -> Integer.parseInt(href.substring("#ref-".length())))
			.collect(Collectors.toSet());
	}

	private static Set<Integer> markersIn(String markdown) {
		Set<Integer> numbers = new LinkedHashSet<>();
		Matcher matcher = CITATION_MARKER.matcher(markdown);
		while (matcher.find()) {
			numbers.add(Integer.parseInt(matcher.group(1)));
		}
		return numbers;
	}

	private static List<String> withSeparators(List<String> names) {
		Function<Integer, String> shown = (i) -> names.get(i) + ((i < names.size() - 1) ? " ·" : "");
		return Stream.iterate(0, (i) -> i + 1).limit(names.size()).map(shown).toList();
	}

	private String weekLabel(WeekDraft week) {
		String number = message("week.number", week.number());
		return week.title().isEmpty() ? number : number + ": " + week.title();
	}

	private String monthLabel(MonthSpan months) {
		return months.isSingleMonth() ? message("phase.month", months.from())
				: message("phase.months", months.from(), months.to());
	}

	private String message(String code, Object... args) {
		return this.messages.getMessage(code, args, Locale.ENGLISH);
	}

	/** A learner who has just signed up, or {@code null} for an anonymous visitor. */
	private AccountUser visitor(boolean newLearner) {
		return newLearner ? this.accounts.learner() : null;
	}

	private Document page(String path, AccountUser visitor) throws Exception {
		MockHttpServletRequestBuilder request = get(path).accept(MediaType.TEXT_HTML);
		if (visitor != null) {
			request = request.with(user(visitor));
		}
		String html = this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(html);
	}

}
