package io.stepwise.curriculum;

import java.io.IOException;
import java.sql.Timestamp;
import java.util.Comparator;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import io.stepwise.curriculum.CurriculumDraft.PhaseDraft;
import io.stepwise.curriculum.CurriculumDraft.ReferenceDraft;
import io.stepwise.curriculum.CurriculumDraft.ResourceDraft;
import io.stepwise.curriculum.CurriculumDraft.SkillDraft;
import io.stepwise.curriculum.CurriculumDraft.WeekDraft;
import io.stepwise.curriculum.CurriculumTree.ReferenceView;
import io.stepwise.curriculum.CurriculumTree.SkillView;
import io.stepwise.curriculum.CurriculumTree.WeekView;
import io.stepwise.support.BundledDocuments;
import io.stepwise.support.StoredCurriculum;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Storage of curricula, checked on each database the portal runs on: the schema comes
 * from the Flyway migrations, Hibernate only validates it, the bundled curricula are
 * stored whole, and the database itself refuses what the application must never store.
 * Subclasses pick the database. Writes happen inside the test's transaction and are
 * rolled back.
 */
abstract class CurriculumStorageChecks {

	@Autowired
	Flyway flyway;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Environment environment;

	@Autowired
	CurriculumCatalog catalog;

	@Autowired
	CurriculumLibrary library;

	@Test
	void flywayAppliedEveryMigrationThatShipsWithTheApplication() throws IOException {
		List<String> shipped = Stream
			.of(new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*__*.sql"))
			.map(org.springframework.core.io.Resource::getFilename)
			.sorted(Comparator.comparingInt((name) -> Integer.parseInt(name.substring(1, name.indexOf("__")))))
			.toList();
		assertThat(shipped).isNotEmpty();
		List<MigrationInfo> applied = Stream.of(this.flyway.info().applied())
			.filter((migration) -> !migration.getType().isSynthetic())
			.toList();
		assertThat(applied).extracting(MigrationInfo::getScript).containsExactlyElementsOf(shipped);
		assertThat(applied).extracting(MigrationInfo::getState).containsOnly(MigrationState.SUCCESS);
		assertThat(this.flyway.info().pending()).isEmpty();
		assertThat(this.jdbc.queryForList(
				"select script from flyway_schema_history where success and version is not null order by installed_rank",
				String.class))
			.containsExactlyElementsOf(shipped);
	}

	@Test
	void hibernateOnlyValidatesTheSchemaFlywayMade() {
		// The context started, so validation passed; it must not have been replaced by a
		// generated schema, which would hide a migration that does not match the
		// entities.
		assertThat(this.environment.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
	}

	@Test
	void holdsTheBundledCurriculaWithTheCountsTheSpecGives() {
		assertThat(StoredCurriculum.of(this.jdbc, BundledDocuments.SYLLABUS))
			.isEqualTo(new StoredCurriculum(1, 6, 24, 60, 33, 24, 22, 0, 4, 0, 0, 0));
		assertThat(StoredCurriculum.of(this.jdbc, BundledDocuments.ROADMAP))
			.isEqualTo(new StoredCurriculum(1, 6, 19, 78, 9, 0, 0, 9, 0, 3, 53, 49));
	}

	@Test
	void catalogReadsTheWholeTreeOfEachBundledCurriculum() {
		CurriculumTree syllabus = this.catalog.tree(BundledDocuments.SYLLABUS).orElseThrow();
		assertThat(syllabus.phases()).hasSize(6);
		assertThat(syllabus.weekCount()).isEqualTo(24);
		assertThat(syllabus.weeks()).extracting(WeekView::number)
			.containsExactlyElementsOf(Stream.iterate(1, (n) -> n + 1).limit(24).toList());
		assertThat(syllabus.weeks().stream().mapToInt((week) -> week.skills().size()).sum()).isEqualTo(60);
		assertThat(syllabus.weeks().stream().mapToInt((week) -> week.tasks().size()).sum()).isEqualTo(33);
		assertThat(syllabus.guidelinesHtml()).hasSize(4);
		assertThat(syllabus.week(5).orElseThrow().skills()).extracting(SkillView::name)
			.containsExactly("Advanced ORM queries (filter, annotate, select_related)");

		CurriculumTree roadmap = this.catalog.tree(BundledDocuments.ROADMAP).orElseThrow();
		assertThat(roadmap.weekCount()).isEqualTo(19);
		assertThat(roadmap.references()).extracting(ReferenceView::number)
			.containsExactlyElementsOf(Stream.iterate(1, (n) -> n + 1).limit(53).toList());
		SkillView queryOptimization = roadmap.weeks()
			.stream()
			.flatMap((week) -> week.skills().stream())
			.filter((skill) -> skill.name().equals("Query Optimization"))
			.findFirst()
			.orElseThrow();
		assertThat(queryOptimization.citations()).containsExactly(12, 10);
		assertThat(roadmap.resourceSections()).hasSize(2);
		assertThat(roadmap.infoSections()).hasSize(1);

		assertThat(this.catalog.tree("no-such-curriculum")).isEmpty();
		assertThat(this.catalog.summaries()).filteredOn((summary) -> summary.slug().equals(BundledDocuments.ROADMAP))
			.singleElement()
			.satisfies((summary) -> {
				assertThat(summary.weeks()).isEqualTo(19);
				assertThat(summary.skills()).isEqualTo(78);
				assertThat(summary.tasks()).isEqualTo(9);
				assertThat(summary.references()).isEqualTo(53);
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "//example.org/x",
			"ftp://example.org/x" })
	@Transactional
	void databaseRefusesAResourceUrlThatIsNotHttp(String url) {
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> insertWeekResource("Refused", url));
	}

	@Test
	@Transactional
	void databaseAcceptsHttpAndHttpsResourceUrlsAndNone() {
		insertWeekResource("Secure", "https://example.org/a");
		insertWeekResource("Plain", "http://example.org/a");
		insertWeekResource("Book", null);
	}

	@Test
	@Transactional
	void databaseRefusesAReferenceUrlThatIsNotHttp() {
		long curriculum = curriculumId(BundledDocuments.SYLLABUS);
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.jdbc.update(
				"insert into curriculum_reference (curriculum_id, number, url) values (?, 999, 'javascript:alert(1)')",
				curriculum));
	}

	@Test
	@Transactional
	void databaseRefusesASecondCurriculumWithTheSameSlug() {
		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> this.jdbc.update(
				"insert into curriculum (slug, title, planned_weeks, created_at, updated_at) values (?, 'Copy', 1, ?, ?)",
				BundledDocuments.SYLLABUS, Timestamp.from(Instant.now()), Timestamp.from(Instant.now())));
	}

	@Test
	@Transactional
	void libraryRefusesASecondCurriculumWithTheSameSlug() {
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.library.add(smallDraft(BundledDocuments.ROADMAP, "https://example.org/"), null));
	}

	@Test
	@Transactional
	void storesALinkWhoseSchemeIsWrittenInCapitals() {
		// Schemes are case-insensitive; the import accepts "HTTPS://", so storing it must
		// not trip over the database's check.
		this.library.add(smallDraft("capital-scheme", "HTTPS://example.org/Docs"), null);
		WeekView week = this.catalog.tree("capital-scheme").orElseThrow().week(1).orElseThrow();
		assertThat(week.resources()).singleElement()
			.satisfies((resource) -> assertThat(resource.url()).isEqualTo("https://example.org/Docs"));
	}

	private void insertWeekResource(String title, String url) {
		long curriculum = curriculumId(BundledDocuments.SYLLABUS);
		Long week = this.jdbc.queryForObject("select id from week where curriculum_id = ? and number = 1", Long.class,
				curriculum);
		this.jdbc.update("insert into resource (curriculum_id, week_id, position, title, url, kind) "
				+ "values (?, ?, 99, ?, ?, 'DOCUMENT')", curriculum, week, title, url);
	}

	private long curriculumId(String slug) {
		return this.jdbc.queryForObject("select id from curriculum where slug = ?", Long.class, slug);
	}

	private static CurriculumDraft smallDraft(String slug, String resourceUrl) {
		WeekDraft week = new WeekDraft(1, "", List.of(), List.of(new SkillDraft("Skill", "", List.of())),
				List.of(new ResourceDraft("Docs", resourceUrl, ResourceKind.DOCUMENT, "", List.of())), List.of("Task"));
		return new CurriculumDraft(slug, "Small", "", List.of(),
				List.of(new PhaseDraft("Phase", "", MonthSpan.of(1), List.of(week))), List.of(),
				List.<ReferenceDraft>of(), 1);
	}

}
