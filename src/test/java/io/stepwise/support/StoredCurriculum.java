package io.stepwise.support;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the database holds for one curriculum, counted with plain SQL so that the counts
 * do not depend on the mapping they check.
 */
public record StoredCurriculum(long curricula, long phases, long weeks, long skills, long tasks, long weekResources,
		long weekResourcesWithUrl, long sectionResources, long guidelines, long sections, long references,
		long citedReferences) {

	private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,4})]");

	public static StoredCurriculum of(JdbcTemplate jdbc, String slug) {
		return new StoredCurriculum(count(jdbc, "select count(*) from curriculum where slug = ?", slug),
				count(jdbc, "select count(*) from phase p join curriculum c on c.id = p.curriculum_id where c.slug = ?",
						slug),
				count(jdbc, "select count(*) from week w join curriculum c on c.id = w.curriculum_id where c.slug = ?",
						slug),
				count(jdbc, items("SKILL"), slug), count(jdbc, items("TASK"), slug),
				count(jdbc, resources("r.week_id is not null"), slug),
				count(jdbc, resources("r.week_id is not null and r.url is not null"), slug),
				count(jdbc, resources("r.section_id is not null"), slug),
				count(jdbc,
						"select count(*) from curriculum_guideline g join curriculum c on c.id = g.curriculum_id "
								+ "where c.slug = ?",
						slug),
				count(jdbc,
						"select count(*) from curriculum_section s join curriculum c on c.id = s.curriculum_id "
								+ "where c.slug = ?",
						slug),
				count(jdbc, "select count(*) from curriculum_reference r join curriculum c on c.id = r.curriculum_id "
						+ "where c.slug = ?", slug),
				citedReferences(jdbc, slug));
	}

	/**
	 * References cited anywhere: by a week, skill, resource or section, or by a marker in
	 * the Markdown text of a section, which stays in the text.
	 */
	private static long citedReferences(JdbcTemplate jdbc, String slug) {
		Set<Integer> cited = new HashSet<>(jdbc.queryForList("""
				select r.number from curriculum_reference r join curriculum c on c.id = r.curriculum_id
				 where c.slug = ?
				   and (r.id in (select reference_id from week_citation)
				     or r.id in (select reference_id from item_citation)
				     or r.id in (select reference_id from resource_citation)
				     or r.id in (select reference_id from section_citation))""", Integer.class, slug));
		Set<Integer> listed = new HashSet<>(jdbc.queryForList(
				"select r.number from curriculum_reference r join curriculum c on c.id = r.curriculum_id where c.slug = ?",
				Integer.class, slug));
		for (String body : jdbc.queryForList(
				"select s.body from curriculum_section s join curriculum c on c.id = s.curriculum_id where c.slug = ?",
				String.class, slug)) {
			Matcher marker = MARKER.matcher(body);
			while (marker.find()) {
				int number = Integer.parseInt(marker.group(1));
				if (listed.contains(number)) {
					cited.add(number);
				}
			}
		}
		return cited.size();
	}

	private static String items(String kind) {
		return "select count(*) from curriculum_item i join week w on w.id = i.week_id "
				+ "join curriculum c on c.id = w.curriculum_id where c.slug = ? and i.archived_at is null and i.kind = '"
				+ kind + "'";
	}

	private static String resources(String condition) {
		return "select count(*) from resource r join curriculum c on c.id = r.curriculum_id where c.slug = ? and "
				+ condition;
	}

	private static long count(JdbcTemplate jdbc, String sql, String slug) {
		Long count = jdbc.queryForObject(sql, Long.class, slug);
		return (count != null) ? count : 0;
	}

}
