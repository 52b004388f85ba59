package io.stepwise.authoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.stepwise.curriculum.CurriculumDraft;
import io.stepwise.curriculum.CurriculumDraft.PhaseDraft;
import io.stepwise.curriculum.CurriculumDraft.ReferenceDraft;
import io.stepwise.curriculum.CurriculumDraft.ResourceDraft;
import io.stepwise.curriculum.CurriculumDraft.SectionDraft;
import io.stepwise.curriculum.CurriculumDraft.SkillDraft;
import io.stepwise.curriculum.CurriculumDraft.WeekDraft;
import io.stepwise.curriculum.MonthSpan;
import io.stepwise.curriculum.ResourceKind;
import io.stepwise.curriculum.SectionKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The two documents the portal ships with, against the counts the spec gives for them.
 */
class BundledCurriculaTest {

	private final MarkdownCurriculumParser parser = new MarkdownCurriculumParser();

	private final CurriculumDraft syllabus = this.parser.parse("django-24-week-syllabus",
			bytes("curricula/django-24-week-syllabus.md"));

	private final CurriculumDraft roadmap = this.parser.parse("django-12-month-roadmap",
			bytes("curricula/django-12-month-roadmap.md"));

	@Test
	void syllabusHasTheCountsTheSpecGives() {
		assertThat(this.syllabus.phases()).hasSize(6);
		assertThat(weeks(this.syllabus)).hasSize(24);
		assertThat(skills(this.syllabus)).hasSize(60);
		assertThat(resources(this.syllabus)).hasSize(24);
		assertThat(resources(this.syllabus)).filteredOn((resource) -> resource.url() != null).hasSize(22);
		assertThat(tasks(this.syllabus)).hasSize(33);
		assertThat(this.syllabus.guidelines()).hasSize(4);
		assertThat(this.syllabus.plannedWeeks()).isEqualTo(24);
	}

	@Test
	void syllabusPhasesTakeTitleGoalAndMonthFromTheirHeading() {
		assertThat(this.syllabus.title()).isEqualTo("Django Mastery – 24 Week Syllabus (Beginner → Professional)");
		assertThat(this.syllabus.phases()).extracting(PhaseDraft::title, PhaseDraft::months)
			.containsExactly(tuple("Foundations", MonthSpan.of(1)), tuple("Intermediate Core", MonthSpan.of(2)),
					tuple("Advanced Django", MonthSpan.of(3)), tuple("Real-Time & Testing", MonthSpan.of(4)),
					tuple("Full-Stack & Deployment", MonthSpan.of(5)), tuple("Scaling & Pro-Level", MonthSpan.of(6)));
		assertThat(this.syllabus.phases().get(0).goal())
			.isEqualTo("Learn Django basics and build your first small apps.");
		assertThat(weeks(this.syllabus)).extracting(WeekDraft::number)
			.containsExactlyElementsOf(Stream.iterate(1, (n) -> n + 1).limit(24).toList());
		assertThat(weeks(this.syllabus)).extracting(WeekDraft::title).containsOnly("");
	}

	@Test
	void syllabusWeekOneReadsSkillsResourcesAndTasksFromItsRow() {
		WeekDraft week = weeks(this.syllabus).get(0);
		assertThat(week.skills()).extracting(SkillDraft::name)
			.containsExactly("Python refresh", "HTTP basics", "MVT pattern", "Django setup", "project/app structure",
					"URL routing", "templates");
		assertThat(week.resources()).extracting(ResourceDraft::title, ResourceDraft::url, ResourceDraft::kind)
			.containsExactly(tuple("Django Official Tutorial – Part 1–2",
					"https://docs.djangoproject.com/en/stable/intro/tutorial01/", ResourceKind.DOCUMENT));
		assertThat(week.tasks()).containsExactly("Install Django & create project.",
				"Make a simple \"Hello Django\" page.", "Set up templates & static files.");
	}

	@Test
	void syllabusKeepsParenthesisedListsAsOneSkillWithEscapesResolved() {
		assertThat(weeks(this.syllabus).get(4).skills()).extracting(SkillDraft::name)
			.containsExactly("Advanced ORM queries (filter, annotate, select_related)");
		assertThat(weeks(this.syllabus).get(22).skills()).extracting(SkillDraft::name)
			.containsExactly("Logging (Sentry)", "monitoring (Prometheus, Grafana)");
	}

	@Test
	void syllabusPlainTextResourcesHaveNoUrl() {
		assertThat(resources(this.syllabus)).filteredOn((resource) -> resource.url() == null)
			.extracting(ResourceDraft::title)
			.containsExactly("Channels Groups section", "DRF Permissions Docs");
	}

	@Test
	void syllabusIntroIsTheTextBeforeTheTitleAndGuidelinesAreTheHowToUseBullets() {
		assertThat(this.syllabus.intro()).isEqualTo(
				"Perfect — here’s the **Django Mastery Weekly Syllabus** so you can follow it like a structured course.\n"
						+ "It links **week → skills → resources → project tasks** so you never have to guess what to do next.");
		assertThat(this.syllabus.guidelines()).containsExactly(
				"**Commit daily** to GitHub — even small progress matters.",
				"**Follow weeks strictly** — don’t jump ahead until current week’s project is working.",
				"Every month, **refactor old projects** using new skills.",
				"Keep a **portfolio repo** where you showcase final versions.");
		assertThat(this.syllabus.sections()).isEmpty();
		assertThat(this.syllabus.references()).isEmpty();
	}

	@Test
	void roadmapHasTheCountsTheSpecGives() {
		assertThat(this.roadmap.phases()).hasSize(6);
		assertThat(weeks(this.roadmap)).hasSize(19);
		assertThat(weeks(this.roadmap)).filteredOn((week) -> week.tasks().isEmpty()).hasSize(16);
		assertThat(weeks(this.roadmap)).filteredOn((week) -> !week.tasks().isEmpty()).hasSize(3);
		assertThat(skills(this.roadmap)).hasSize(78);
		assertThat(tasks(this.roadmap)).hasSize(9);
		assertThat(this.roadmap.references()).hasSize(53);
		assertThat(citedAnywhere(this.roadmap)).hasSize(49);
		assertThat(this.roadmap.plannedWeeks()).isEqualTo(52);
	}

	@Test
	void roadmapPhasesDropTheMonthSpanFromTheirTitle() {
		assertThat(this.roadmap.phases()).extracting(PhaseDraft::title, PhaseDraft::months, PhaseDraft::goal)
			.containsExactly(tuple("Prerequisites - Foundation Building", new MonthSpan(1, 2), ""),
					tuple("Phase 1: Django Fundamentals", new MonthSpan(2, 3), ""),
					tuple("Phase 2: Intermediate Django Skills", new MonthSpan(3, 5), ""),
					tuple("Phase 3: Advanced Django Development", new MonthSpan(5, 7), ""),
					tuple("Phase 4: Performance and Testing", new MonthSpan(7, 9), ""),
					tuple("Phase 5: Real-Time Features and Deployment", new MonthSpan(9, 12), ""));
	}

	@Test
	void roadmapSectionsAreWeeksWithHeadingCitationsAndBulletSkills() {
		WeekDraft first = weeks(this.roadmap).get(0);
		assertThat(first.title()).isEqualTo("Core Python Skills Required");
		assertThat(first.citations()).containsExactly(1, 2, 3);
		assertThat(first.skills().get(0)).isEqualTo(new SkillDraft("Python Fundamentals",
				"Master data types, variables, functions, classes, and object-oriented programming", List.of()));
		SkillDraft queryOptimization = skills(this.roadmap).stream()
			.filter((skill) -> skill.name().equals("Query Optimization"))
			.findFirst()
			.orElseThrow();
		assertThat(queryOptimization.description())
			.isEqualTo("Using values(), values_list(), and avoiding N+1 queries");
		assertThat(queryOptimization.citations()).containsExactly(12, 10);
	}

	@Test
	void roadmapProjectLevelsArePlacedAfterTheLastPhaseEndingWithinTheirMonths() {
		assertThat(this.roadmap.phases())
			.flatExtracting((phase) -> phase.weeks()
				.stream()
				.filter((week) -> !week.tasks().isEmpty())
				.map((week) -> tuple(week.number(), week.title(), phase.title()))
				.toList())
			.containsExactly(tuple(5, "Beginner Projects", "Phase 1: Django Fundamentals"),
					tuple(9, "Intermediate Projects", "Phase 2: Intermediate Django Skills"),
					tuple(19, "Advanced Projects", "Phase 5: Real-Time Features and Deployment"));
		WeekDraft beginner = weeks(this.roadmap).get(4);
		assertThat(beginner.skills()).isEmpty();
		assertThat(beginner.tasks()).containsExactly("Personal blog with CRUD operations",
				"Simple todo list application", "Basic portfolio website with admin interface");
		assertThat(weeks(this.roadmap)).extracting(WeekDraft::number)
			.containsExactlyElementsOf(Stream.iterate(1, (n) -> n + 1).limit(19).toList());
	}

	@Test
	void roadmapToolsAndResourcesBecomeResourceSections() {
		List<SectionDraft> groups = this.roadmap.sections()
			.stream()
			.filter((section) -> section.kind() == SectionKind.RESOURCES)
			.toList();
		assertThat(groups)
			.extracting(SectionDraft::part, SectionDraft::title, SectionDraft::citations, SectionDraft::body)
			.containsExactly(tuple("Essential Tools and Resources", "Development Tools", List.of(2), ""), tuple(
					"Essential Tools and Resources", "Recommended Learning Resources", List.of(7, 6, 19, 5, 9, 2), ""));
		assertThat(groups.get(0).resources()).extracting(ResourceDraft::title, ResourceDraft::kind)
			.containsExactly(tuple("IDE/Editors", ResourceKind.TOOL), tuple("Database Tools", ResourceKind.TOOL),
					tuple("API Testing", ResourceKind.TOOL), tuple("Version Control", ResourceKind.TOOL));
		assertThat(groups.get(1).resources())
			.extracting(ResourceDraft::title, ResourceDraft::kind, ResourceDraft::description, ResourceDraft::citations,
					ResourceDraft::url)
			.containsExactly(
					tuple("Official Documentation", ResourceKind.DOCUMENT, "Django's comprehensive documentation",
							List.of(), null),
					tuple("Online Courses", ResourceKind.DOCUMENT, "Django-specific courses and tutorials", List.of(19),
							null),
					tuple("Books", ResourceKind.BOOK, "\"Django Design Patterns and Best Practices\"", List.of(40),
							null),
					tuple("Practice Platforms", ResourceKind.DOCUMENT, "Building projects on GitHub", List.of(), null),
					tuple("Community", ResourceKind.DOCUMENT, "Django forums, Stack Overflow, Reddit r/django",
							List.of(), null));
	}

	@Test
	void roadmapCareerPathIsAnInformationSectionKeepingItsMarkdown() {
		SectionDraft career = this.roadmap.sections()
			.stream()
			.filter((section) -> section.kind() == SectionKind.INFO)
			.findFirst()
			.orElseThrow();
		assertThat(this.roadmap.sections()).hasSize(3);
		assertThat(career.part()).isEqualTo("Career Development Path");
		assertThat(career.title()).isEqualTo("Career Development Path");
		assertThat(career.citations()).containsExactly(1, 15);
		assertThat(career.resources()).isEmpty();
		assertThat(career.body())
			.startsWith("### **Junior Django Developer Skills**\n- Basic Django application development")
			.contains("### **Mid-Level Django Developer Skills**[48][15]\n- DRF API development")
			.endsWith("engaging with the Django community for support and guidance.")
			.doesNotContain("](https://");
	}

	@Test
	void roadmapCitationsAllPointToListedReferencesAndUncitedReferencesAreKept() {
		Set<Integer> listed = this.roadmap.references()
			.stream()
			.map(ReferenceDraft::number)
			.collect(Collectors.toSet());
		assertThat(listed).containsAll(citedAnywhere(this.roadmap));
		assertThat(this.roadmap.references()).extracting(ReferenceDraft::number)
			.containsExactlyElementsOf(Stream.iterate(1, (n) -> n + 1).limit(53).toList());
		assertThat(this.roadmap.references().get(0).url()).isEqualTo(
				"https://www.karmickinstitute.com/resources/python-django-developer-career-scope-roadmap-in-2025/");
		Set<Integer> uncited = new LinkedHashSet<>(listed);
		uncited.removeAll(citedAnywhere(this.roadmap));
		assertThat(uncited).hasSize(4);
		assertThat(this.roadmap.intro()).isEmpty();
		assertThat(this.roadmap.guidelines()).isEmpty();
	}

	@Test
	void textAndBytesReadTheSame() {
		String text = new String(bytes("curricula/django-12-month-roadmap.md"), StandardCharsets.UTF_8);
		assertThat(this.parser.parse("django-12-month-roadmap", text)).isEqualTo(this.roadmap);
	}

	@Test
	void windowsLineEndingsAndByteOrderMarkReadLikeUnixText() {
		String text = new String(bytes("curricula/django-24-week-syllabus.md"), StandardCharsets.UTF_8);
		String windows = "\uFEFF" + text.replace("\n", "\r\n");
		assertThat(this.parser.parse("django-24-week-syllabus", windows)).isEqualTo(this.syllabus);
	}

	static byte[] bytes(String resource) {
		try (InputStream in = BundledCurriculaTest.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<WeekDraft> weeks(CurriculumDraft draft) {
		return draft.phases().stream().flatMap((phase) -> phase.weeks().stream()).toList();
	}

	static List<SkillDraft> skills(CurriculumDraft draft) {
		return weeks(draft).stream().flatMap((week) -> week.skills().stream()).toList();
	}

	static List<ResourceDraft> resources(CurriculumDraft draft) {
		return weeks(draft).stream().flatMap((week) -> week.resources().stream()).toList();
	}

	static List<String> tasks(CurriculumDraft draft) {
		return weeks(draft).stream().flatMap((week) -> week.tasks().stream()).toList();
	}

	private static final Pattern CITATION_MARKER = Pattern.compile("\\[(\\d+)]");

	static Set<Integer> citedAnywhere(CurriculumDraft draft) {
		Set<Integer> cited = new LinkedHashSet<>();
		weeks(draft).forEach((week) -> cited.addAll(week.citations()));
		skills(draft).forEach((skill) -> cited.addAll(skill.citations()));
		resources(draft).forEach((resource) -> cited.addAll(resource.citations()));
		for (SectionDraft section : draft.sections()) {
			cited.addAll(section.citations());
			section.resources().forEach((resource) -> cited.addAll(resource.citations()));
			Matcher marker = CITATION_MARKER.matcher(section.body());
			while (marker.find()) {
				cited.add(Integer.parseInt(marker.group(1)));
			}
		}
		return cited;
	}

}
