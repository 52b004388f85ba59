package io.stepwise.authoring;

import java.util.function.Function;
import java.util.stream.Stream;

import io.stepwise.curriculum.ContentLimits;
import io.stepwise.curriculum.CurriculumDraft;
import io.stepwise.curriculum.CurriculumDraft.PhaseDraft;
import io.stepwise.curriculum.CurriculumDraft.SectionDraft;
import io.stepwise.curriculum.CurriculumDraft.WeekDraft;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every text a document gives is refused, at its line, when it is longer than the field
 * that stores it, and kept whole when it just fits.
 */
class ContentLengthsTest {

	private static final String ROADMAP = """
			# Roadmap

			## Start (Month 1)
			### Basics
			- a
			""";

	private static final String TABLE = """
			| Week | Title | Skills | Resources | Project Tasks |
			| --- | --- | --- | --- | --- |
			""";

	private final MarkdownCurriculumParser parser = new MarkdownCurriculumParser();

	static Stream<Case> texts() {
		return Stream.of(new Case("title", ContentLimits.CURRICULUM_TITLE, 1, """
				# %s

				## Start (Month 1)
				### Basics
				- a
				""", CurriculumDraft::title), new Case("introduction", ContentLimits.INTRO, 3, """
				# Roadmap

				%s

				## Start (Month 1)
				### Basics
				- a
				""", CurriculumDraft::intro), new Case("introduction", ContentLimits.INTRO, 1, """
				%s

				# Roadmap

				## Start (Month 1)
				### Basics
				- a
				""", CurriculumDraft::intro), new Case("guideline", ContentLimits.GUIDELINE, 6, """
				# Roadmap

				How to use this roadmap:

				- first
				- %s

				## Start (Month 1)
				### Basics
				- a
				""", (draft) -> draft.guidelines().get(1)), new Case("phase title", ContentLimits.PHASE_TITLE, 3, """
				# Roadmap

				## %s (Month 1)
				### Basics
				- a
				""", (draft) -> phase(draft).title()), new Case("phase goal", ContentLimits.PHASE_GOAL, 5, """
				# Roadmap

				## Start (Month 1)

				%s

				### Basics
				- a
				""", (draft) -> phase(draft).goal()), new Case("week title", ContentLimits.WEEK_TITLE, 4, """
				# Roadmap

				## Start (Month 1)
				### %s
				- a
				""", (draft) -> week(draft, 0).title()),
				new Case("skill name", ContentLimits.ITEM_TITLE, 5, ROADMAP.replace("- a", "- %s"),
						(draft) -> week(draft, 0).skills().get(0).name()),
				new Case("skill description", ContentLimits.ITEM_DESCRIPTION, 5,
						ROADMAP.replace("- a", "- **Name**: %s"),
						(draft) -> week(draft, 0).skills().get(0).description()),
				new Case("week title", ContentLimits.WEEK_TITLE, 9, ROADMAP + """

						## Projects

						### %s (Month 1)
						- small app
						""", (draft) -> week(draft, 1).title()),
				new Case("project task", ContentLimits.ITEM_TITLE, 10, ROADMAP + """

						## Projects

						### Level One (Month 1)
						- %s
						""", (draft) -> week(draft, 1).tasks().get(0)),
				new Case("resource title", ContentLimits.RESOURCE_TITLE, 9, ROADMAP + """

						## Resources

						- %s
						""", (draft) -> section(draft).resources().get(0).title()),
				new Case("resource description", ContentLimits.RESOURCE_DESCRIPTION, 9, ROADMAP + """

						## Resources

						- **Book**: %s
						""", (draft) -> section(draft).resources().get(0).description()),
				new Case("section title", ContentLimits.SECTION_TITLE, 9, ROADMAP + """

						## Resources

						### %s
						- a
						""", (draft) -> section(draft).title()),
				new Case("section heading", "Resources ", ContentLimits.SECTION_PART, 7, ROADMAP + """

						## %s

						- a
						""", (draft) -> section(draft).part()),
				new Case("section title", ContentLimits.SECTION_TITLE, 7, ROADMAP + """

						## %s

						Some notes.
						""", (draft) -> section(draft).title()),
				new Case("section text", ContentLimits.SECTION_BODY, 9, ROADMAP + """

						## Notes

						%s
						""", (draft) -> section(draft).body()),
				new Case("phase title in a syllabus", "phase title", "", ContentLimits.PHASE_TITLE, 3, """
						# Course

						## Month 1 – %s

						""" + TABLE + """
						| 1 | T | A | | |
						""", (draft) -> phase(draft).title()),
				new Case("phase goal in a syllabus", "phase goal", "", ContentLimits.PHASE_GOAL, 5, """
						# Course

						## Month 1 – Start

						**Goal:** %s

						""" + TABLE + """
						| 1 | T | A | | |
						""", (draft) -> phase(draft).goal()),
				syllabusRow("week title", ContentLimits.WEEK_TITLE, "| 1 | %s | A | | |", (week) -> week.title()),
				syllabusRow("skill name", ContentLimits.ITEM_TITLE, "| 1 | T | %s | | |",
						(week) -> week.skills().get(0).name()),
				syllabusRow("resource title", ContentLimits.RESOURCE_TITLE,
						"| 1 | T | A | [%s](https://example.org) | |", (week) -> week.resources().get(0).title()),
				syllabusRow("resource title", ContentLimits.RESOURCE_TITLE, "| 1 | T | A | %s | |",
						(week) -> week.resources().get(0).title()),
				syllabusRow("project task", ContentLimits.ITEM_TITLE, "| 1 | T | A | | %s |",
						(week) -> week.tasks().get(0)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("texts")
	void keepsTextThatIsExactlyAtItsLimit(Case text) {
		String value = text.value(text.limit());
		CurriculumDraft draft = this.parser.parse("doc", text.document(value));
		assertThat(text.read().apply(draft)).isEqualTo(value).hasSize(text.limit());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("texts")
	void refusesTextOneCharacterOverItsLimitAtItsLine(Case text) {
		String document = text.document(text.value(text.limit() + 1));
		CurriculumFormatException ex = catchThrowableOfType(CurriculumFormatException.class,
				() -> this.parser.parse("doc", document));
		assertThat(ex).as("expected a format error").isNotNull();
		assertThat(ex.line()).as(ex.getMessage()).isEqualTo(text.line());
		assertThat(ex.getMessage())
			.isEqualTo("Line " + text.line() + ": " + text.what() + " is longer than " + text.limit() + " characters");
	}

	private static Case syllabusRow(String what, int limit, String row, Function<WeekDraft, String> read) {
		return new Case(what + " in a table", what, "", limit, 7, """
				# Course

				## Month 1 – Start

				""" + TABLE + row + "\n", (draft) -> read.apply(week(draft, 0)));
	}

	private static PhaseDraft phase(CurriculumDraft draft) {
		return draft.phases().get(0);
	}

	private static WeekDraft week(CurriculumDraft draft, int index) {
		return phase(draft).weeks().get(index);
	}

	private static SectionDraft section(CurriculumDraft draft) {
		return draft.sections().get(0);
	}

	/**
	 * A text of one length, read from a document made from a template.
	 *
	 * @param name shown as the test's name
	 * @param what how the error message names the text
	 * @param prefix what the text must start with for the document to keep its shape
	 * @param line the line the text is on
	 */
	record Case(String name, String what, String prefix, int limit, int line, String template,
			Function<CurriculumDraft, String> read) {

		Case(String what, int limit, int line, String template, Function<CurriculumDraft, String> read) {
			this(what + " at line " + line, what, "", limit, line, template, read);
		}

		Case(String what, String prefix, int limit, int line, String template, Function<CurriculumDraft, String> read) {
			this(what + " at line " + line, what, prefix, limit, line, template, read);
		}

		/** Words of lower-case letters, so no Markdown or shape rule changes the text. */
		String value(int length) {
			String words = this.prefix + "word ".repeat(length / 5 + 1);
			return words.substring(0, length - 1) + "x";
		}

		String document(String value) {
			return this.template.formatted(value);
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
