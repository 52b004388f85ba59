package io.stepwise.curriculum;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageDescriptionsTest {

	@Test
	void plainTextDropsTagsAndCitationsAndDecodesEntities() {
		String html = "<p>Learn <em>Django</em> &amp; its ORM[3].</p>\n<h2>Why</h2><p>&lt;script&gt; stays text "
				+ "<a href=\"#ref-4\">[4]</a>.</p>";

		assertThat(PageDescriptions.plainText(html)).isEqualTo("Learn Django & its ORM. Why <script> stays text.");
	}

	@Test
	void plainTextOfNothingIsEmpty() {
		assertThat(PageDescriptions.plainText(null)).isEmpty();
		assertThat(PageDescriptions.plainText("<p> </p>")).isEmpty();
	}

	@Test
	void shortTextIsKeptWhole() {
		String text = "a".repeat(PageDescriptions.MAX_LENGTH);

		assertThat(PageDescriptions.truncate(text, PageDescriptions.MAX_LENGTH)).isEqualTo(text);
	}

	@Test
	void longTextIsCutAtAWordWithAnEllipsis() {
		String text = "Week by week, ".repeat(20);

		String cut = PageDescriptions.truncate(text, PageDescriptions.MAX_LENGTH);

		assertThat(cut).hasSizeLessThanOrEqualTo(PageDescriptions.MAX_LENGTH)
			.endsWith("week\u2026")
			.startsWith("Week by week, Week");
		assertThat(text).startsWith(cut.substring(0, cut.length() - 1));
	}

	@Test
	void aLongWordIsCutWithoutSplittingACharacter() {
		String text = "x".repeat(PageDescriptions.MAX_LENGTH - 2) + "\uD83D\uDE00\uD83D\uDE00";

		String cut = PageDescriptions.truncate(text, PageDescriptions.MAX_LENGTH);

		assertThat(cut).hasSizeLessThanOrEqualTo(PageDescriptions.MAX_LENGTH).endsWith("x\u2026");
	}

}
