package io.stepwise.curriculum;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits importers check are the column sizes the migrations create, so a change to
 * either side without the other fails here rather than on an import.
 */
@SpringBootTest
@ActiveProfiles("test")
class ContentLimitsTest {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyLimitIsTheSizeOfItsColumn() {
		assertThat(size("curriculum", "title")).isEqualTo(ContentLimits.CURRICULUM_TITLE);
		assertThat(size("curriculum", "intro")).isEqualTo(ContentLimits.INTRO);
		assertThat(size("curriculum_guideline", "text")).isEqualTo(ContentLimits.GUIDELINE);
		assertThat(size("phase", "title")).isEqualTo(ContentLimits.PHASE_TITLE);
		assertThat(size("phase", "goal")).isEqualTo(ContentLimits.PHASE_GOAL);
		assertThat(size("week", "title")).isEqualTo(ContentLimits.WEEK_TITLE);
		assertThat(size("curriculum_item", "title")).isEqualTo(ContentLimits.ITEM_TITLE);
		assertThat(size("curriculum_item", "description")).isEqualTo(ContentLimits.ITEM_DESCRIPTION);
		assertThat(size("curriculum_section", "part")).isEqualTo(ContentLimits.SECTION_PART);
		assertThat(size("curriculum_section", "title")).isEqualTo(ContentLimits.SECTION_TITLE);
		assertThat(size("curriculum_section", "body")).isEqualTo(ContentLimits.SECTION_BODY);
		assertThat(size("resource", "title")).isEqualTo(ContentLimits.RESOURCE_TITLE);
		assertThat(size("resource", "description")).isEqualTo(ContentLimits.RESOURCE_DESCRIPTION);
		assertThat(size("resource", "url")).isEqualTo(ContentLimits.URL);
		assertThat(size("curriculum_reference", "url")).isEqualTo(ContentLimits.URL);
	}

	@Test
	void linksLongerThanTheUrlColumnAreNotWebLinks() {
		String prefix = "https://example.org/";
		assertThat(WebLinks.isHttp(prefix + "a".repeat(ContentLimits.URL - prefix.length()))).isTrue();
		assertThat(WebLinks.isHttp(prefix + "a".repeat(ContentLimits.URL - prefix.length() + 1))).isFalse();
	}

	private Integer size(String table, String column) {
		return this.jdbc.queryForObject(
				"select character_maximum_length from information_schema.columns"
						+ " where lower(table_name) = ? and lower(column_name) = ? and lower(table_schema) = 'public'",
				Integer.class, table, column);
	}

}
