package io.stepwise.authoring;

import java.util.List;

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

import static io.stepwise.authoring.BundledCurriculaTest.citedAnywhere;
import static io.stepwise.authoring.BundledCurriculaTest.skills;
import static io.stepwise.authoring.BundledCurriculaTest.tasks;
import static io.stepwise.authoring.BundledCurriculaTest.weeks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RoadmapShapeTest {

	private static final String INVENTED = """
			# Kotlin Backend Roadmap

			A practical path from scripts to services.

			## Stage A: Language (Month 1)

			Get fluent with the syntax.

			### *Syntax*[1]
			- **Null safety**: `?.` and `?:` operators[2]
			- Extension functions

			### Collections
			- **Sequences**: lazy pipelines[1][3]

			## Stage B: Services (Months 2-4)

			### HTTP with Ktor[3]
			- **Routing**: typed routes
			- **Serialization**: kotlinx.serialization[3][1]

			## Stage C: Scale (Months 5-6)

			### Observability
			- **Metrics**: Micrometer

			## Projects by level

			### Starter (Month 1)
			- CLI todo app

			### Capstone (Months 3-6)
			- A payments service
			- Load test report

			## Handy Tools

			- **Gradle**: builds [docs](https://gradle.org)
			- **IntelliJ IDEA**: IDE

			## Reading resources

			### Books[4]
			- **Book**: "Kotlin in Action"[4]
			- **Blog**: [Kotlin blog](https://blog.jetbrains.com/kotlin/)

			## Community

			Join the **Slack**.[2]

			## References

			[1](https://kotlinlang.org/docs/)
			[2](https://kotlinlang.org/docs/null-safety.html)
			[3](https://ktor.io/)
			[4](https://www.manning.com/books/kotlin-in-action)
			[5](https://example.org/uncited)
			""";

	private final MarkdownCurriculumParser parser = new MarkdownCurriculumParser();

	@Test
	void importsAnInventedRoadmapTheSameWay() {
		CurriculumDraft draft = this.parser.parse("kotlin-backend", INVENTED);
		assertThat(draft.title()).isEqualTo("Kotlin Backend Roadmap");
		assertThat(draft.intro()).isEqualTo("A practical path from scripts to services.");
		assertThat(draft.phases()).extracting(PhaseDraft::title, PhaseDraft::goal, PhaseDraft::months)
			.containsExactly(tuple("Stage A: Language", "Get fluent with the syntax.", MonthSpan.of(1)),
					tuple("Stage B: Services", "", new MonthSpan(2, 4)),
					tuple("Stage C: Scale", "", new MonthSpan(5, 6)));
		assertThat(weeks(draft)).extracting(WeekDraft::number, WeekDraft::title, WeekDraft::citations)
			.containsExactly(tuple(1, "Syntax", List.of(1)), tuple(2, "Collections", List.of()),
					tuple(3, "Starter", List.of()), tuple(4, "HTTP with Ktor", List.of(3)),
					tuple(5, "Observability", List.of()), tuple(6, "Capstone", List.of()));
		assertThat(skills(draft)).hasSize(6);
		assertThat(tasks(draft)).containsExactly("CLI todo app", "A payments service", "Load test report");
		assertThat(draft.references()).hasSize(5);
		assertThat(draft.plannedWeeks()).isEqualTo(26);
		assertThat(draft.guidelines()).isEmpty();
	}

	@Test
	void readsBoldNameColonDescriptionBulletsAsSkills() {
		CurriculumDraft draft = this.parser.parse("kotlin-backend", INVENTED);
		assertThat(weeks(draft).get(0).skills()).containsExactly(
				new SkillDraft("Null safety", "?. and ?: operators", List.of(2)),
				new SkillDraft("Extension functions", "", List.of()));
		assertThat(weeks(draft).get(3).skills()).containsExactly(new SkillDraft("Routing", "typed routes", List.of()),
				new SkillDraft("Serialization", "kotlinx.serialization", List.of(3, 1)));
	}

	@Test
	void readsTheColonInsideOrOutsideTheBoldNameAndWholeTextOtherwise() {
		WeekDraft week = oneWeek("""
				- **Inside:** the colon sits in the bold part[1]
				- **No colon** so the whole text is the name
				- Plain bullet with a citation[2][1][2]
				""");
		assertThat(week.skills()).containsExactly(
				new SkillDraft("Inside", "the colon sits in the bold part", List.of(1)),
				new SkillDraft("No colon so the whole text is the name", "", List.of()),
				new SkillDraft("Plain bullet with a citation", "", List.of(2, 1)));
	}

	@Test
	void linksEveryCitationToAListedReferenceAndKeepsUncitedReferences() {
		CurriculumDraft draft = this.parser.parse("kotlin-backend", INVENTED);
		assertThat(draft.references()).extracting(ReferenceDraft::number, ReferenceDraft::url)
			.containsExactly(tuple(1, "https://kotlinlang.org/docs/"),
					tuple(2, "https://kotlinlang.org/docs/null-safety.html"), tuple(3, "https://ktor.io/"),
					tuple(4, "https://www.manning.com/books/kotlin-in-action"),
					tuple(5, "https://example.org/uncited"));
		assertThat(citedAnywhere(draft)).containsExactlyInAnyOrder(1, 2, 3, 4);
	}

	@Test
	void placesEachProjectLevelAfterTheLastPhaseEndingWithinItsMonths() {
		CurriculumDraft draft = this.parser.parse("kotlin-backend", INVENTED);
		assertThat(draft.phases())
			.flatExtracting(
					(phase) -> phase.weeks().stream().map((week) -> tuple(phase.title(), week.title())).toList())
			.containsExactly(tuple("Stage A: Language", "Syntax"), tuple("Stage A: Language", "Collections"),
					tuple("Stage A: Language", "Starter"), tuple("Stage B: Services", "HTTP with Ktor"),
					tuple("Stage C: Scale", "Observability"), tuple("Stage C: Scale", "Capstone"));
		WeekDraft capstone = weeks(draft).get(5);
		assertThat(capstone.skills()).isEmpty();
		assertThat(capstone.resources()).isEmpty();
		assertThat(capstone.tasks()).containsExactly("A payments service", "Load test report");
	}

	@Test
	void readsToolAndResourcePartsAsResourceSections() {
		CurriculumDraft draft = this.parser.parse("kotlin-backend", INVENTED);
		List<SectionDraft> groups = draft.sections()
			.stream()
			.filter((section) -> section.kind() == SectionKind.RESOURCES)
			.toList();
		assertThat(groups).extracting(SectionDraft::part, SectionDraft::title, SectionDraft::citations)
			.containsExactly(tuple("Handy Tools", "Handy Tools", List.of()),
					tuple("Reading resources", "Books", List.of(4)));
		assertThat(groups.get(0).resources())
			.extracting(ResourceDraft::title, ResourceDraft::description, ResourceDraft::url, ResourceDraft::kind)
			.containsExactly(tuple("Gradle", "builds docs", "https://gradle.org", ResourceKind.TOOL),
					tuple("IntelliJ IDEA", "IDE", null, ResourceKind.TOOL));
		assertThat(groups.get(1).resources())
			.extracting(ResourceDraft::title, ResourceDraft::description, ResourceDraft::url, ResourceDraft::kind,
					ResourceDraft::citations)
			.containsExactly(tuple("Book", "\"Kotlin in Action\"", null, ResourceKind.BOOK, List.of(4)), tuple("Blog",
					"Kotlin blog", "https://blog.jetbrains.com/kotlin/", ResourceKind.DOCUMENT, List.of()));
	}

	@Test
	void keepsOtherPartsAsMarkdownInformationSectionsAndDropsTheReferencesHeading() {
		CurriculumDraft draft = this.parser.parse("kotlin-backend", INVENTED);
		assertThat(draft.sections()).filteredOn((section) -> section.kind() == SectionKind.INFO)
			.extracting(SectionDraft::part, SectionDraft::title, SectionDraft::citations, SectionDraft::body)
			.containsExactly(tuple("Community", "Community", List.of(), "Join the **Slack**.[2]"));
	}

	@Test
	void readsMonthSpansFromPhaseHeadings() {
		CurriculumDraft draft = this.parser.parse("spans", """
				# Spans

				## One (Month 1)
				### W1
				- a

				## Two (Month 2-3)
				### W2
				- b

				## **Three** (Months 7-12)
				### W3
				- c
				""");
		assertThat(draft.phases()).extracting(PhaseDraft::title, PhaseDraft::months)
			.containsExactly(tuple("One", MonthSpan.of(1)), tuple("Two", new MonthSpan(2, 3)),
					tuple("Three", new MonthSpan(7, 12)));
		assertThat(draft.plannedWeeks()).isEqualTo(52);
	}

	@Test
	void treatsBracketsInCodeAsTextNotCitations() {
		WeekDraft week = oneWeekWithoutReferences("- **Indexing**: `items[0]` and `matrix[1][2]`\n");
		assertThat(week.skills()).containsExactly(new SkillDraft("Indexing", "items[0] and matrix[1][2]", List.of()));
	}

	private WeekDraft oneWeek(String bullets) {
		CurriculumDraft draft = this.parser.parse("one-week", """
				# One week

				## Only (Month 1)

				### Week
				""" + bullets + """

				[1](https://one.example.org)
				[2](https://two.example.org)
				""");
		return weeks(draft).get(0);
	}

	private WeekDraft oneWeekWithoutReferences(String bullets) {
		CurriculumDraft draft = this.parser.parse("one-week", """
				# One week

				## Only (Month 1)

				### Week
				""" + bullets);
		return weeks(draft).get(0);
	}

}
