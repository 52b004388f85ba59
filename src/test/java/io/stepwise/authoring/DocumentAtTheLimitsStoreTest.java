package io.stepwise.authoring;

import java.util.UUID;

import jakarta.persistence.EntityManager;

import io.stepwise.curriculum.ContentLimits;
import io.stepwise.curriculum.CurriculumDraft;
import io.stepwise.curriculum.CurriculumLibrary;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parser's length limits are the database's: a document with every text as long as
 * the parser allows is stored whole. Each test's transaction holds what it stores and is
 * rolled back afterwards, so the pages other tests read never list these curricula.
 */
@SpringBootTest
@ActiveProfiles("test")
class DocumentAtTheLimitsStoreTest {

	private static final String URL = url(ContentLimits.URL);

	@Autowired
	MarkdownCurriculumParser parser;

	@Autowired
	CurriculumLibrary library;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EntityManager entityManager;

	@Test
	@Transactional
	void storesARoadmapWithEveryTextAtItsLimit() {
		String markdown = """
				# %s

				%s

				How to use this roadmap:

				- %s

				## %s (Month 1)

				%s

				### %s
				- **%s**: %s

				## Projects

				### %s (Month 1)
				- %s

				## Resources %s

				### %s
				- [%s](%s)
				- **Book**: %s

				## %s

				%s

				[1](%s)
				""".formatted(words(ContentLimits.CURRICULUM_TITLE), words(ContentLimits.INTRO),
				words(ContentLimits.GUIDELINE), words(ContentLimits.PHASE_TITLE), words(ContentLimits.PHASE_GOAL),
				words(ContentLimits.WEEK_TITLE), words(ContentLimits.ITEM_TITLE), words(ContentLimits.ITEM_DESCRIPTION),
				words(ContentLimits.WEEK_TITLE), words(ContentLimits.ITEM_TITLE),
				words(ContentLimits.SECTION_PART - "Resources ".length()), words(ContentLimits.SECTION_TITLE),
				words(ContentLimits.RESOURCE_TITLE), URL, words(ContentLimits.RESOURCE_DESCRIPTION),
				words(ContentLimits.SECTION_TITLE), words(ContentLimits.SECTION_BODY), URL);
		CurriculumDraft draft = this.parser.parse(uniqueSlug("limits-roadmap"), markdown);
		assertThat(draft.sections()).hasSize(2);

		long id = this.library.add(draft, "sha");
		// the database checks the column sizes when the rows are written
		this.entityManager.flush();

		assertLongest(id, "curriculum", "title", ContentLimits.CURRICULUM_TITLE);
		assertLongest(id, "curriculum", "intro", ContentLimits.INTRO);
		assertLongest(id, "curriculum_guideline", "text", ContentLimits.GUIDELINE);
		assertLongest(id, "phase", "title", ContentLimits.PHASE_TITLE);
		assertLongest(id, "phase", "goal", ContentLimits.PHASE_GOAL);
		assertLongest(id, "week", "title", ContentLimits.WEEK_TITLE);
		assertLongest(id, "curriculum_item", "title", ContentLimits.ITEM_TITLE);
		assertLongest(id, "curriculum_item", "description", ContentLimits.ITEM_DESCRIPTION);
		assertLongest(id, "curriculum_section", "part", ContentLimits.SECTION_PART);
		assertLongest(id, "curriculum_section", "title", ContentLimits.SECTION_TITLE);
		assertLongest(id, "curriculum_section", "body", ContentLimits.SECTION_BODY);
		assertLongest(id, "resource", "title", ContentLimits.RESOURCE_TITLE);
		assertLongest(id, "resource", "url", ContentLimits.URL);
		assertLongest(id, "resource", "description", ContentLimits.RESOURCE_DESCRIPTION);
		assertLongest(id, "curriculum_reference", "url", ContentLimits.URL);
	}

	@Test
	@Transactional
	void storesASyllabusWithEveryTextAtItsLimit() {
		String markdown = """
				# %s

				## Month 1 – %s

				**Goal:** %s

				| Week | Title | Skills | Resources | Project Tasks |
				| --- | --- | --- | --- | --- |
				| 1 | %s | %s | [%s](%s) | %s |
				| 2 | Two | Skill | %s | Task |
				""".formatted(words(ContentLimits.CURRICULUM_TITLE), words(ContentLimits.PHASE_TITLE),
				words(ContentLimits.PHASE_GOAL), words(ContentLimits.WEEK_TITLE), words(ContentLimits.ITEM_TITLE),
				words(ContentLimits.RESOURCE_TITLE), URL, words(ContentLimits.ITEM_TITLE),
				words(ContentLimits.RESOURCE_TITLE));
		CurriculumDraft draft = this.parser.parse(uniqueSlug("limits-syllabus"), markdown);

		long id = this.library.add(draft, "sha");
		// the database checks the column sizes when the rows are written
		this.entityManager.flush();

		assertLongest(id, "curriculum", "title", ContentLimits.CURRICULUM_TITLE);
		assertLongest(id, "phase", "title", ContentLimits.PHASE_TITLE);
		assertLongest(id, "phase", "goal", ContentLimits.PHASE_GOAL);
		assertLongest(id, "week", "title", ContentLimits.WEEK_TITLE);
		assertLongest(id, "curriculum_item", "title", ContentLimits.ITEM_TITLE);
		assertLongest(id, "resource", "title", ContentLimits.RESOURCE_TITLE);
		assertLongest(id, "resource", "url", ContentLimits.URL);
		assertThat(
				this.jdbc.queryForObject("select count(*) from resource where curriculum_id = ? and length(title) = ?",
						Integer.class, id, ContentLimits.RESOURCE_TITLE))
			.as("the linked and the plain resource")
			.isEqualTo(2);
	}

	/** The longest value stored in a column for one curriculum. */
	private void assertLongest(long curriculumId, String table, String column, int expected) {
		String owner = switch (table) {
			case "curriculum" -> "id = ?";
			case "curriculum_item" -> "week_id in (select id from week where curriculum_id = ?)";
			default -> "curriculum_id = ?";
		};
		Integer longest = this.jdbc.queryForObject(
				"select max(length(" + column + ")) from " + table + " where " + owner, Integer.class, curriculumId);
		assertThat(longest).as(table + "." + column).isEqualTo(expected);
	}

	/** Words of lower-case letters, exactly length characters long. */
	private static String words(int length) {
		return "word ".repeat(length / 5 + 1).substring(0, length - 1) + "x";
	}

	private static String url(int length) {
		String prefix = "https://example.org/";
		return prefix + "a".repeat(length - prefix.length());
	}

	private static String uniqueSlug(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().replace("-", "");
	}

}
