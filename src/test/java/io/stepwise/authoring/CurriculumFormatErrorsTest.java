package io.stepwise.authoring;

import io.stepwise.curriculum.ContentLimits;
import io.stepwise.curriculum.CurriculumDraft;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each way a document can be wrong, and the line the author is sent to. */
class CurriculumFormatErrorsTest {

	private static final String TABLE_HEADER = """
			| Week | Skills | Resources | Project Tasks |
			| --- | --- | --- | --- |
			""";

	private final MarkdownCurriculumParser parser = new MarkdownCurriculumParser();

	@Test
	void refusesADocumentWithoutTitle() {
		assertRefused("""
				Some notes.

				## Month 1 – Start
				""", 1, "no # title");
	}

	@Test
	void refusesASecondTitle() {
		assertRefused("""
				# One

				## Month 1 – Start

				# Two
				""", 5, "second # title");
	}

	@Test
	void refusesADocumentInNeitherShape() {
		assertRefused("""


				# Notes

				## Introduction

				Nothing about months here.
				""", 3, "no phases found");
	}

	@Test
	void refusesATableWithoutARequiredColumn() {
		assertRefused("""
				# Course

				## Month 1 – Start

				| Week | Skills | Project Tasks |
				| --- | --- | --- |
				| 1 | A | |
				""", 5, "no \"resources\" column");
	}

	@Test
	void refusesAWeekNumberThatIsNotANumber() {
		assertRefused("""
				# Course

				## Month 1 – Start

				""" + TABLE_HEADER + """
				| 1 | A | | |
				| two | B | | |
				""", 8, "week number \"two\" is not a number");
	}

	@Test
	void refusesWeekNumbersThatAreNotConsecutive() {
		assertRefused("""
				# Course

				## Month 1 – Start

				""" + TABLE_HEADER + """
				| 1 | A | | |

				## Month 2 – More

				""" + TABLE_HEADER + """
				| 3 | B | | |
				""", 13, "week 3 is out of order; expected week 2");
	}

	@Test
	void refusesASyllabusMonthWithoutWeeks() {
		assertRefused("""
				# Course

				## Month 1 – Start

				""" + TABLE_HEADER + """
				| 1 | A | | |

				## Month 2 – Empty

				**Goal:** Nothing yet.
				""", 9, "phase \"Empty\" has no weeks");
	}

	@Test
	void refusesARoadmapPhaseWithoutWeeks() {
		assertRefused("""
				# Roadmap

				## Start (Month 1)
				### Basics
				- a

				## Empty (Month 2)

				Only a goal.
				""", 7, "phase \"Empty\" has no weeks");
	}

	@Test
	void refusesAListThatSitsDirectlyUnderARoadmapPhase() {
		assertRefused("""
				# Roadmap

				## Start (Month 1)
				- stray bullet
				### Basics
				- a
				""", 4, "must sit under a ### section");
	}

	@Test
	void refusesALinkThatIsNotHttp() {
		assertRefused("""
				# Roadmap

				## Start (Month 1)
				### Basics
				- **Docs**: see
				  [here](javascript:alert(1))
				""", 6, "is not an http or https URL");
	}

	@Test
	void refusesAResourceUrlThatIsNotHttp() {
		assertRefused("""
				# Course

				## Month 1 – Start

				""" + TABLE_HEADER + """
				| 1 | A | [Local](file:///etc/passwd) | |
				""", 7, "\"file:///etc/passwd\" is not an http or https URL");
	}

	@Test
	void refusesAReferenceUrlThatIsNotHttp() {
		assertRefused("""
				# Roadmap

				## Start (Month 1)
				### Basics[1]
				- a

				[1](https://fine.example.org)
				[2](ftp://files.example.org)
				""", 8, "\"ftp://files.example.org\" is not an http or https URL");
	}

	@Test
	void refusesAResourceUrlThatStorageWouldRefuse() {
		// a caret is fine for a pattern but not for java.net.URI, which storage uses
		assertRefused("""
				# Course

				## Month 1 – Start

				""" + TABLE_HEADER + """
				| 1 | A | [Caret](https://example.com/a^b) | |
				""", 7, "link \"https://example.com/a^b\" is not an http or https URL");
	}

	@Test
	void refusesALinkWhoseHostIsNotAHostName() {
		assertRefused("""
				# Roadmap

				## Start (Month 1)
				### Basics
				- a
				- **Docs**: [here](https://my_host.example.org/docs)
				""", 6, "\"https://my_host.example.org/docs\" is not an http or https URL");
	}

	@Test
	void refusesAReferenceUrlThatStorageWouldRefuse() {
		assertRefused("""
				# Roadmap

				## Start (Month 1)
				### Basics[1]
				- a

				[1](https://fine.example.org)
				[2](https://example.com/a^b)
				""", 8, "\"https://example.com/a^b\" is not an http or https URL");
	}

	@Test
	void refusesAUrlLongerThanTwoThousandCharactersAndAbbreviatesIt() {
		String url = url(ContentLimits.URL + 1);
		CurriculumFormatException ex = refused("""
				# Course

				## Month 1 – Start

				""" + TABLE_HEADER + """
				| 1 | A | [Long](%s) | |
				""".formatted(url), 7, "is not an http or https URL of at most 2000 characters");
		assertThat(ex.getMessage()).contains("\"" + url.substring(0, 77) + "...\"").doesNotContain(url);
	}

	@Test
	void acceptsAUrlOfTwoThousandCharacters() {
		String url = url(ContentLimits.URL);
		CurriculumDraft draft = this.parser.parse("doc", """
				# Course

				## Month 1 – Start

				""" + TABLE_HEADER + """
				| 1 | A | [Long](%s) | |

				[1](%s)
				""".formatted(url, url));
		assertThat(draft.phases().get(0).weeks().get(0).resources().get(0).url()).isEqualTo(url);
		assertThat(draft.references().get(0).url()).isEqualTo(url);
	}

	@Test
	void refusesAReferenceUrlLongerThanTwoThousandCharacters() {
		assertRefused("""
				# Roadmap

				## Start (Month 1)
				### Basics
				- a

				[1](%s)
				""".formatted(url(ContentLimits.URL + 1)), 7, "of at most 2000 characters");
	}

	@Test
	void refusesReferencesWrittenAsLinkDefinitions() {
		assertRefused("""
				# Roadmap

				## Start (Month 1)
				### Basics[1]
				- a

				[1]: https://one.example.org
				""", 7, "reference [1] is written as a link definition");
	}

	@Test
	void refusesACitationWithoutAMatchingReference() {
		assertRefused("""
				# Roadmap

				## Start (Month 1)
				### Basics[1]
				- **Models**: fields,
				  relations[7]

				[1](https://one.example.org)
				""", 6, "citation [7] has no matching reference");
	}

	@Test
	void refusesCitationsWhenTheDocumentHasNoReferenceList() {
		assertRefused("""
				# Roadmap

				## Start (Month 1)
				### Basics
				- a
				- b[3]
				""", 6, "citation [3] has no reference; the document has no reference list");
	}

	@Test
	void refusesAReferenceNumberListedTwice() {
		assertRefused("""
				# Roadmap

				## Start (Month 1)
				### Basics[1]
				- a

				[1](https://one.example.org)
				[2](https://two.example.org)
				[1](https://again.example.org)
				""", 9, "reference 1 is listed twice");
	}

	@Test
	void refusesASyllabusMonthSpanEndingBeforeItStarts() {
		assertRefused("""
				# Course

				## Month 3-2 – Backwards

				""" + TABLE_HEADER + """
				| 1 | A | | |
				""", 3, "month span 3-2 is not valid");
	}

	@Test
	void refusesARoadmapMonthSpanEndingBeforeItStarts() {
		assertRefused("""
				# Roadmap

				## Start (Month 1)
				### Basics
				- a

				## Later (Months 5-4)
				### More
				- b
				""", 7, "month span 5-4 is not valid");
	}

	@Test
	void refusesMonthZero() {
		assertRefused("""
				# Roadmap

				## Start (Month 0)
				### Basics
				- a
				""", 3, "month span 0-0 is not valid");
	}

	@Test
	void refusesAProjectLevelNoPhaseEndsWithin() {
		assertRefused("""
				# Roadmap

				## Start (Months 1-3)
				### Basics
				- a

				## Projects

				### Early Projects (Months 1-3)
				- small app

				### Odd Projects (Month 2)
				- nothing ends in month 2
				""", 12, "project level \"Odd Projects\" (months 2-2) fits no phase");
	}

	private void assertRefused(String markdown, int line, String detail) {
		refused(markdown, line, detail);
	}

	private CurriculumFormatException refused(String markdown, int line, String detail) {
		CurriculumFormatException ex = catchThrowableOfType(CurriculumFormatException.class,
				() -> this.parser.parse("doc", markdown));
		assertThat(ex).as("expected a format error").isNotNull();
		assertThat(ex.line()).as(ex.getMessage()).isEqualTo(line);
		assertThat(ex.getMessage()).startsWith("Line " + line + ": ").contains(detail);
		return ex;
	}

	/** An http URL of exactly the given length. */
	private static String url(int length) {
		String prefix = "https://example.org/";
		return prefix + "a".repeat(length - prefix.length());
	}

}
