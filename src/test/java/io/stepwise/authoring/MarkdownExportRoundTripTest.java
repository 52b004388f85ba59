package io.stepwise.authoring;

import java.util.List;
import java.util.stream.IntStream;

import io.stepwise.curriculum.CurriculumDraft;
import io.stepwise.curriculum.CurriculumDraft.PhaseDraft;
import io.stepwise.curriculum.CurriculumDraft.ReferenceDraft;
import io.stepwise.curriculum.CurriculumDraft.ResourceDraft;
import io.stepwise.curriculum.CurriculumDraft.SectionDraft;
import io.stepwise.curriculum.CurriculumDraft.SkillDraft;
import io.stepwise.curriculum.CurriculumDraft.WeekDraft;
import io.stepwise.curriculum.CurriculumShape;
import io.stepwise.curriculum.MonthSpan;
import io.stepwise.curriculum.ResourceKind;
import io.stepwise.curriculum.SectionKind;
import io.stepwise.support.BundledDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A curriculum written as Markdown reads back as the same curriculum: for the documents
 * that ship with the portal, and for text that means something in Markdown or to the
 * parser.
 */
class MarkdownExportRoundTripTest {

	private final MarkdownCurriculumParser parser = new MarkdownCurriculumParser();

	private final MarkdownCurriculumWriter writer = new MarkdownCurriculumWriter();

	static List<String> bundled() {
		return BundledDocuments.slugs().toList();
	}

	@ParameterizedTest
	@MethodSource("bundled")
	void theExportOfABundledDocumentReadsBackAsTheSameCurriculum(String slug) {
		CurriculumDraft draft = BundledDocuments.draft(slug);
		String markdown = this.writer.write(draft);
		assertThat(this.parser.parse(slug, markdown)).isEqualTo(draft);
		// and writing it again gives the same document
		assertThat(this.writer.write(this.parser.parse(slug, markdown))).isEqualTo(markdown);
	}

	@Test
	void aSyllabusWithTextThatMeansSomethingInMarkdownReadsBack() {
		CurriculumDraft draft = new CurriculumDraft("hostile-syllabus", "Title with *stars*, [3] and a closing #",
				"## Before the title\n\nHow to use it:\n\n- a list that is part of the intro",
				List.of("**Bold** guideline", "Two lines\ncontinued"), List.of(
						new PhaseDraft("2nd month: starts with a digit", "with a colon, *stars* and | pipe",
								new MonthSpan(1, 2),
								List.of(new WeekDraft(1, "Week | one", List.of(1), List.of(
										skill("Advanced ORM queries (filter, annotate, select_related)"),
										new SkillDraft("Comma, outside", "", List.of(2)),
										skill("Unclosed (paren, and comma"), skill("Closing) paren, comma"),
										skill("Cites [3] in its text"), skill("snake_case, _under_ and `code`"),
										skill("Back\\slash \\| pipe \\"), skill("<b>html</b> & &amp; &#169;"),
										skill("[link](https://example.org) ![image](x)")),
										List.of(new ResourceDraft("Docs [about] (x)",
												"https://example.org/docs?a=1&amp;b=(2", ResourceKind.DOCUMENT, "",
												List.of(1)),
												new ResourceDraft("Plain, titled (resource", null,
														ResourceKind.DOCUMENT, "", List.of())),
										List.of("Upgrade to 2.", "Then 3) more and 2. again",
												"1. restart & <b>go</b>")),
										new WeekDraft(2, "", List.of(), List.of(skill("Second week")), List.of(),
												List.of()))),
						new PhaseDraft("Month 3 review", "", MonthSpan.of(3),
								List.of(new WeekDraft(3, "", List.of(), List.of(), List.of(),
										List.of("Only task, with 4. inside"))))),
				List.of(new SectionDraft("Essential Tools", "Essential Tools", SectionKind.RESOURCES, List.of(1), "",
						List.of(new ResourceDraft("Tool | one", "https://example.org/a_(b)", ResourceKind.TOOL,
								"does *things*", List.of(2)))),
						new SectionDraft("Career path", "Career path", SectionKind.INFO, List.of(),
								"### Sub\n\n- a [1]\n\nText", List.of())),
				references(3), 3, CurriculumShape.SYLLABUS);
		assertRoundTrip(draft);
	}

	@Test
	void aRoadmapWithTextThatMeansSomethingInMarkdownReadsBack() {
		CurriculumDraft draft = new CurriculumDraft("hostile-roadmap", "Kotlin #1 roadmap", "A practical path.",
				List.of("Read *one* section a day"),
				List.of(new PhaseDraft("Month 3 prep", "First paragraph.\n\n# Second, starting with a hash",
						new MonthSpan(1, 2), List.of(
								new WeekDraft(1, "Syntax *and* more #", List.of(1),
										List.of(new SkillDraft("Null safety", "`?.` and `?:` operators", List.of(2)),
												skill("Name ending with a colon:"),
												new SkillDraft("1. numbered name", "description: with a colon",
														List.of(1, 3)),
												new SkillDraft("- dash name", "", List.of(3)),
												skill("Plain [1] marker"),
												new SkillDraft("**not bold**", ": starts with a colon", List.of())),
										List.of(), List.of()),
								new WeekDraft(
										2, "Starter", List.of(), List.of(), List.of(), List.of("CLI todo app",
												"# not a heading", "> not a quote", "1. not a list")))),
						new PhaseDraft("Review (Month 9) stage", "", new MonthSpan(3, 4),
								List.of(new WeekDraft(3, "HTTP (Month 1)", List.of(),
										List.of(new SkillDraft("Routing", "typed", List.of())), List.of(), List.of()),
										new WeekDraft(4, "Capstone (Months 1-2)", List.of(2), List.of(), List.of(),
												List.of("A payments service"))))),
				List.of(new SectionDraft("Tools and Resources", "Tools and Resources", SectionKind.RESOURCES, List.of(),
						"",
						List.of(new ResourceDraft("IDE", "https://example.org/ide", ResourceKind.TOOL, "", List.of(1)),
								new ResourceDraft("Linter", null, ResourceKind.TOOL, "checks *style*", List.of()))),
						new SectionDraft("Tools and Resources", "Books", SectionKind.RESOURCES, List.of(3), "", List.of(
								new ResourceDraft("Book", null, ResourceKind.BOOK, "Kotlin in Action", List.of()),
								new ResourceDraft("Docs", "https://example.org/docs", ResourceKind.DOCUMENT,
										"the reference", List.of(2)))),
						new SectionDraft("Career", "Career", SectionKind.INFO, List.of(1), "Junior, then senior.",
								List.of())),
				references(3), 17, CurriculumShape.ROADMAP);
		assertRoundTrip(draft);
	}

	private void assertRoundTrip(CurriculumDraft draft) {
		String markdown = this.writer.write(draft);
		assertThat(this.parser.parse(draft.slug(), markdown)).as(markdown).isEqualTo(draft);
	}

	private static SkillDraft skill(String name) {
		return new SkillDraft(name, "", List.of());
	}

	private static List<ReferenceDraft> references(int count) {
		return IntStream.rangeClosed(1, count)
			.mapToObj((n) -> new ReferenceDraft(n, "https://example.org/reference/" + n))
			.toList();
	}

}
