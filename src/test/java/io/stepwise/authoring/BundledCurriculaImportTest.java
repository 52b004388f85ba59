package io.stepwise.authoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stepwise.account.TestAccounts;
import io.stepwise.support.BundledDocuments;
import io.stepwise.support.StatementCounting;
import io.stepwise.support.StoredCurriculum;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documents that ship with the portal are imported on first start and never twice.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ StatementCounting.class, TestAccounts.class })
class BundledCurriculaImportTest {

	@Autowired
	BundledCurricula bundled;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void firstStartImportedBothDocumentsWithTheCountsTheSpecGives() {
		StoredCurriculum syllabus = StoredCurriculum.of(this.jdbc, BundledDocuments.SYLLABUS);
		assertThat(syllabus.curricula()).isOne();
		assertThat(syllabus.phases()).isEqualTo(6);
		assertThat(syllabus.weeks()).isEqualTo(24);
		assertThat(syllabus.skills()).isEqualTo(60);
		assertThat(syllabus.weekResources()).isEqualTo(24);
		assertThat(syllabus.weekResourcesWithUrl()).isEqualTo(22);
		assertThat(syllabus.tasks()).isEqualTo(33);
		assertThat(syllabus.guidelines()).isEqualTo(4);
		assertThat(syllabus.references()).isZero();

		StoredCurriculum roadmap = StoredCurriculum.of(this.jdbc, BundledDocuments.ROADMAP);
		assertThat(roadmap.curricula()).isOne();
		assertThat(roadmap.phases()).isEqualTo(6);
		assertThat(roadmap.weeks()).isEqualTo(19);
		assertThat(roadmap.skills()).isEqualTo(78);
		assertThat(roadmap.tasks()).isEqualTo(9);
		assertThat(roadmap.references()).isEqualTo(53);
		assertThat(roadmap.citedReferences()).isEqualTo(49);
		assertThat(roadmap.sections()).isEqualTo(3);
		assertThat(roadmap.sectionResources()).isEqualTo(9);
	}

	@Test
	void storesTheFingerprintOfTheShippedDocument() {
		for (String slug : BundledDocuments.slugs().toList()) {
			String stored = this.jdbc.queryForObject("select source_sha256 from curriculum where slug = ?",
					String.class, slug);
			assertThat(stored).isEqualTo(BundledCurricula.sha256(BundledDocuments.source(slug)));
		}
	}

	@Test
	void storesTheShapeOfEachDocumentAsTheMigrationInfersItForCurriculaStoredBefore() throws IOException {
		// the expression V10 fills the new column with for curricula stored before it
		String migration = new ClassPathResource("db/migration/V10__curriculum_import.sql")
			.getContentAsString(StandardCharsets.UTF_8);
		Matcher backfill = Pattern.compile("set shape = (case.*?\\bend);", Pattern.DOTALL).matcher(migration);
		assertThat(backfill.find()).as("the backfill in V10").isTrue();
		for (String slug : BundledDocuments.slugs().toList()) {
			String expected = slug.equals(BundledDocuments.SYLLABUS) ? "SYLLABUS" : "ROADMAP";
			assertThat(this.jdbc.queryForObject("select shape from curriculum where slug = ?", String.class, slug))
				.as(slug)
				.isEqualTo(expected);
			assertThat(this.jdbc.queryForObject("select " + backfill.group(1) + " from curriculum c where c.slug = ?",
					String.class, slug))
				.as(slug + " as the migration infers it")
				.isEqualTo(expected);
		}
	}

	@Test
	void importingAgainAsOnARestartDuplicatesNothing() {
		List<StoredCurriculum> before = stored();
		long curricula = curricula();

		this.bundled.afterSingletonsInstantiated();
		this.bundled.afterSingletonsInstantiated();

		assertThat(stored()).isEqualTo(before);
		assertThat(curricula()).isEqualTo(curricula);
	}

	private List<StoredCurriculum> stored() {
		return BundledDocuments.slugs().map((slug) -> StoredCurriculum.of(this.jdbc, slug)).toList();
	}

	private long curricula() {
		return this.jdbc.queryForObject("select count(*) from curriculum", Long.class);
	}

}
