package io.stepwise.authoring;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

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

	@Test
	void refusesMoreThanFiveThousandWeeksAndItems() {
		StringBuilder markdown = new StringBuilder("# Roadmap\n## Start (Month 1)\n### Basics\n");
		for (int i = 1; i <= ItemBudget.MAX_ITEMS; i++) {
			markdown.append("- skill ").append(i).append('\n');
		}
		// the week is the first item, so skill 5000 on line 5003 is one too many
		assertRefused(markdown.toString().getBytes(StandardCharsets.UTF_8), 5003, "more than 5000 weeks and items");
	}

	@Test
	void acceptsFiveThousandWeeksAndItems() {
		StringBuilder markdown = new StringBuilder("# Roadmap\n## Start (Month 1)\n### Basics\n");
		for (int i = 1; i < ItemBudget.MAX_ITEMS; i++) {
			markdown.append("- skill ").append(i).append('\n');
		}
		assertThat(this.parser.parse("doc", markdown.toString()).phases().get(0).weeks().get(0).skills())
			.hasSize(ItemBudget.MAX_ITEMS - 1);
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

	private void assertRefused(byte[] content, int line, String detail) {
		CurriculumFormatException ex = catchThrowableOfType(CurriculumFormatException.class,
				() -> this.parser.parse("doc", content));
		assertThat(ex).as("expected a format error").isNotNull();
		assertThat(ex.line()).as(ex.getMessage()).isEqualTo(line);
		assertThat(ex.getMessage()).startsWith("Line " + line + ": ").contains(detail);
	}

}
