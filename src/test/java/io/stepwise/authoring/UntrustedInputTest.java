package io.stepwise.authoring;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.concurrent.TimeUnit;

import io.stepwise.curriculum.CurriculumDraft;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Uploads are untrusted: bytes, size, nesting and volume are checked before anything is
 * kept.
 */
class UntrustedInputTest {

	private static final String ROADMAP = """
			# Roadmap

			## Start (Month 1)
			### Basics
			- a
			""";

	private final MarkdownCurriculumParser parser = new MarkdownCurriculumParser();

	@Test
	void refusesBytesThatAreNotUtf8AndNamesTheirLine() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes("# Roadmap\n\n## Start (Month 1)\n### Caf".getBytes(StandardCharsets.UTF_8));
		bytes.write(0xE9);
		bytes.writeBytes("\n- a\n".getBytes(StandardCharsets.UTF_8));
		assertRefused(bytes.toByteArray(), 4, "not valid UTF-8");
	}

	@Test
	void refusesAMultiByteSequenceCutOffAtTheEnd() {
		byte[] text = (ROADMAP + "- b ").getBytes(StandardCharsets.UTF_8);
		byte[] cut = Arrays.copyOf(text, text.length + 2);
		cut[text.length] = (byte) 0xE2;
		cut[text.length + 1] = (byte) 0x80;
		assertRefused(cut, 6, "not valid UTF-8");
	}

	@Test
	void readsMultiByteUtf8() {
		byte[] bytes = ROADMAP.replace("Basics", "Grundlagen – Übung").getBytes(StandardCharsets.UTF_8);
		assertThat(this.parser.parse("doc", bytes).phases().get(0).weeks().get(0).title())
			.isEqualTo("Grundlagen – Übung");
	}

	@Test
	void refusesBytesAboveTheSizeLimit() {
		byte[] bytes = new byte[MarkdownCurriculumParser.MAX_DOCUMENT_SIZE + 1];
		Arrays.fill(bytes, (byte) 'a');
		assertRefused(bytes, 1, "larger than 1024 KiB");
	}

	@Test
	void refusesTextAboveTheSizeLimit() {
		String text = ROADMAP + "x".repeat(MarkdownCurriculumParser.MAX_DOCUMENT_SIZE);
		CurriculumFormatException ex = catchThrowableOfType(CurriculumFormatException.class,
				() -> this.parser.parse("doc", text));
		assertThat(ex).isNotNull();
		assertThat(ex.getMessage()).startsWith("Line 1: ").contains("larger than 1024 KiB");
	}

	@Test
	void refusesBlockQuotesNestedMoreThanEightDeep() {
		String markdown = ROADMAP + "\n" + "> ".repeat(8) + "fine\n\n" + "> ".repeat(9) + "too deep\n";
		assertRefused(markdown.getBytes(StandardCharsets.UTF_8), 9, "nested more than 8 levels deep");
	}

	@Test
	void refusesListsNestedMoreThanEightDeep() {
		StringBuilder markdown = new StringBuilder(ROADMAP);
		for (int level = 0; level < 9; level++) {
			markdown.append("  ".repeat(level)).append("- level ").append(level + 1).append('\n');
		}
		assertRefused(markdown.toString().getBytes(StandardCharsets.UTF_8), 14, "nested more than 8 levels deep");
	}

	// Pathological documents are refused at their first too-deep node, before anything
	// walks the tree recursively. The timeouts only stop a regression from hanging the
	// build; the refusals take milliseconds.

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void refusesTenThousandNestedBlockQuotes() {
		String markdown = ROADMAP + "\n" + "> ".repeat(10_000) + "deep\n";
		assertRefused(markdown.getBytes(StandardCharsets.UTF_8), 7, "nested more than 8 levels deep");
	}

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void refusesTenThousandNestedListItems() {
		String markdown = ROADMAP + "\n" + "- ".repeat(10_000) + "deep\n";
		assertRefused(markdown.getBytes(StandardCharsets.UTF_8), 7, "nested more than 8 levels deep");
	}

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void refusesListItemsIndentedOneLevelDeeperOnEachLine() {
		StringBuilder markdown = new StringBuilder(ROADMAP).append('\n');
		// as many lines as fit in the size limit
		for (int level = 0; level < 700; level++) {
			markdown.append("  ".repeat(level)).append("- item\n");
		}
		assertRefused(markdown.toString().getBytes(StandardCharsets.UTF_8), 15, "nested more than 8 levels deep");
	}

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void refusesAMegabyteOfQuoteMarkers() {
		String markdown = ROADMAP + "\n"
				+ ">".repeat(MarkdownCurriculumParser.MAX_DOCUMENT_SIZE - ROADMAP.length() - 1);
		assertRefused(markdown.getBytes(StandardCharsets.UTF_8), 7, "nested more than 8 levels deep");
	}

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void refusesTwentyThousandNestedEmphases() {
		String markdown = ROADMAP + "- " + "*".repeat(20_000) + "a" + "*".repeat(20_000) + "\n";
		assertRefused(markdown.getBytes(StandardCharsets.UTF_8), 6, "nested too deeply");
	}

	@Test
	void refusesMoreThanFiveThousandWeeksAndItems() {
		// 25 weeks of 199 skills are 5000 weeks and items; the 26th week is one too many
		String markdown = roadmapOfWeeks(25, ItemBudget.MAX_ITEMS_PER_WEEK - 1) + "### One too many\n";
		int line = (int) markdown.lines().count();
		assertRefused(markdown.getBytes(StandardCharsets.UTF_8), line, "more than 5000 weeks and items");
	}

	@Test
	void acceptsFiveThousandWeeksAndItems() {
		CurriculumDraft draft = this.parser.parse("doc", roadmapOfWeeks(25, ItemBudget.MAX_ITEMS_PER_WEEK - 1));
		assertThat(draft.phases().get(0).weeks()).hasSize(25)
			.allSatisfy((week) -> assertThat(week.skills()).hasSize(ItemBudget.MAX_ITEMS_PER_WEEK - 1));
	}

	@Test
	void refusesAWeekWithMoreThanTwoHundredSkillsAtTheFirstOneTooMany() {
		String markdown = roadmapOfWeeks(1, ItemBudget.MAX_ITEMS_PER_WEEK + 1);
		// the title, the phase and the week take three lines; skill 201 is on line 204
		assertRefused(markdown.getBytes(StandardCharsets.UTF_8), 204, "more than 200 skills and project tasks");
		assertThat(this.parser.parse("doc", roadmapOfWeeks(1, ItemBudget.MAX_ITEMS_PER_WEEK)).phases().get(0).weeks())
			.hasSize(1);
	}

	@Test
	void refusesASyllabusRowWithMoreThanTwoHundredSkillsAndTasks() {
		String markdown = """
				# Syllabus

				## Month 1 – Start

				| Week | Skills | Resources | Project Tasks |
				| --- | --- | --- | --- |
				| 1 | %s | Docs | 1. Build it |
				""".formatted(String.join(", ", Collections.nCopies(ItemBudget.MAX_ITEMS_PER_WEEK, "skill")));
		assertRefused(markdown.getBytes(StandardCharsets.UTF_8), 7, "more than 200 skills and project tasks");
	}

	@Test
	void refusesMoreThanFiveHundredTwentyWeeks() {
		StringBuilder markdown = new StringBuilder("# Long\n## Start (Month 1)\n");
		for (int i = 1; i <= ItemBudget.MAX_WEEKS + 1; i++) {
			markdown.append("### Week ").append(i).append('\n');
		}
		assertRefused(markdown.toString().getBytes(StandardCharsets.UTF_8), ItemBudget.MAX_WEEKS + 3,
				"more than 520 weeks");
	}

	/** One phase of weeks, each with its skills, one line per week and per skill. */
	private static String roadmapOfWeeks(int weeks, int skillsPerWeek) {
		StringBuilder markdown = new StringBuilder("# Roadmap\n## Start (Month 1)\n");
		for (int week = 1; week <= weeks; week++) {
			markdown.append("### Week ").append(week).append('\n');
			for (int skill = 1; skill <= skillsPerWeek; skill++) {
				markdown.append("- skill ").append(skill).append('\n');
			}
		}
		return markdown.toString();
	}

	@Test
	void refusesASlugThatIsNotLowercaseWordsJoinedByHyphens() {
		for (String slug : new String[] { "", "Django", "django--roadmap", "-django", "django-", "django roadmap",
				"../etc", "djángo" }) {
			assertThatIllegalArgumentException().as(slug).isThrownBy(() -> this.parser.parse(slug, ROADMAP));
		}
		assertThat(this.parser.parse("django-12-month-roadmap", ROADMAP).slug()).isEqualTo("django-12-month-roadmap");
	}

	@Test
	void refusesASlugLongerThanTheDatabaseKeeps() {
		String longest = "a".repeat(100);
		assertThat(this.parser.parse(longest, ROADMAP).slug()).isEqualTo(longest);
		assertThatIllegalArgumentException().isThrownBy(() -> this.parser.parse(longest + "a", ROADMAP))
			.withMessageContaining("at most 100 characters");
	}

	@Test
	void refusesControlAndTextDirectionCharactersNamingTheirLine() {
		assertRefused((ROADMAP + "- b\u202Eevil\n").getBytes(StandardCharsets.UTF_8), 6,
				"a text-direction control (U+202E)");
		assertRefused((ROADMAP + "- b\u2066x\n").getBytes(StandardCharsets.UTF_8), 6, "(U+2066)");
		assertRefused(ROADMAP.replace("Basics", "Bas\u0007ics").getBytes(StandardCharsets.UTF_8), 4,
				"a control character (U+0007)");
		assertRefused(ROADMAP.replace("Basics", "Bas\u0085ics").getBytes(StandardCharsets.UTF_8), 4, "(U+0085)");
		assertRefused(ROADMAP.replace("- a", "- a\u0000").getBytes(StandardCharsets.UTF_8), 5, "a NUL character");
	}

	@Test
	void readsTabsAndEveryLineEnding() {
		String crlf = ROADMAP.replace("\n", "\r\n").replace("- a", "- a\tb");
		assertThat(
				this.parser.parse("doc", crlf.getBytes(StandardCharsets.UTF_8)).phases().get(0).weeks().get(0).title())
			.isEqualTo("Basics");
	}

	private void assertRefused(byte[] content, int line, String detail) {
		CurriculumFormatException ex = catchThrowableOfType(CurriculumFormatException.class,
				() -> this.parser.parse("doc", content));
		assertThat(ex).as("expected a format error").isNotNull();
		assertThat(ex.line()).as(ex.getMessage()).isEqualTo(line);
		assertThat(ex.getMessage()).startsWith("Line " + line + ": ").contains(detail);
	}

}
