package io.stepwise.authoring;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import io.stepwise.account.AccountUser;
import io.stepwise.authoring.CurriculumImports.ApplyImport;
import io.stepwise.authoring.CurriculumImports.NewImport;
import io.stepwise.cohort.CohortFixtures;
import io.stepwise.curriculum.CurriculumCatalog;
import io.stepwise.curriculum.CurriculumChangedException;
import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.curriculum.CurriculumTree.SkillView;
import io.stepwise.curriculum.CurriculumTree.TaskView;
import io.stepwise.curriculum.CurriculumTree.WeekView;
import io.stepwise.support.BundledDocuments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static io.stepwise.support.FullLogin.fullLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Imports through the API: previews, what applying them changes and keeps, and what is
 * refused. Documents that change a curriculum go to curricula of the tests' own, made
 * from a bundled document under a new slug.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ CohortFixtures.class, ImportFixture.class })
class CurriculumImportApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CohortFixtures fixtures;

	@Autowired
	ImportFixture imports;

	@Autowired
	CurriculumImports service;

	@Autowired
	CurriculumCatalog catalog;

	@Autowired
	JdbcTemplate jdbc;

	AccountUser admin;

	@BeforeEach
	void newAdmin() {
		this.admin = this.fixtures.admin();
	}

	static List<String> bundled() {
		return BundledDocuments.slugs().toList();
	}

	// Round trips

	@ParameterizedTest
	@MethodSource("bundled")
	void theExportOfABundledCurriculumImportsWithNoChangeAndKeepsEveryId(String slug) throws Exception {
		CurriculumTree before = this.catalog.tree(slug).orElseThrow();
		long version = version(slug);
		String export = this.mvc.perform(get("/api/v1/curricula/{slug}/export", slug).with(fullLogin(this.admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		String preview = this.imports.preview(this.admin, slug, export);
		assertNoChanges(preview);
		assertThat((Boolean) JsonPath.read(preview, "$.new")).isFalse();
		// and so does the shipped document itself
		assertNoChanges(this.imports.preview(this.admin, slug,
				new String(BundledDocuments.source(slug), StandardCharsets.UTF_8)));

		this.imports.apply(this.admin, preview)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(false))
			.andExpect(jsonPath("$.changed").value(false));
		assertThat(version(slug)).as("the version").isEqualTo(version);
		assertThat(this.catalog.tree(slug)).contains(before);
	}

	@Test
	void aCurriculumChangedByAnImportExportsAsADocumentThatImportsWithNoChange() throws Exception {
		String slug = this.imports.copyOf(BundledDocuments.ROADMAP, this.admin);
		String changed = ImportFixture.roadmap()
			.replace("- **Migrations**: Creating, applying, and managing database migrations\n",
					"- **Migrations**: Creating, applying, and managing database migrations\n"
							+ "- **Squashing, (and) 1. reviewing**: migrations, `[1]` literally[24]\n")
			.replace("### **Testing**[29][30][31][32][33]", "### **Testing | *all* of it**[29][30]");
		this.imports.apply(this.admin, this.imports.preview(this.admin, slug, changed))
			.andExpect(jsonPath("$.changed").value(true));
		CurriculumTree edited = this.catalog.tree(slug).orElseThrow();

		String export = this.mvc.perform(get("/api/v1/curricula/{slug}/export", slug).with(fullLogin(this.admin)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertNoChanges(this.imports.preview(this.admin, slug, export));
		assertThat(this.catalog.tree(slug)).contains(edited);
	}

	@Test
	void aCurriculumEditedInPlaceExportsAsADocumentThatImportsWithNoChangeAndKeepsEveryId() throws Exception {
		String slug = this.imports.copyOf(BundledDocuments.SYLLABUS, this.admin);
		WeekView week5 = this.catalog.tree(slug).orElseThrow().week(5).orElseThrow();
		// texts as an editor in the browser may store them, each meaning something to
		// Markdown or to the syllabus cells
		edit(week5.skills().get(0).id(), "Queries, (unbalanced | pipes *and* [2] markers");
		edit(week5.tasks().get(0).id(), "Upgrade to 2. then 3) and `code`");
		edit(week5.tasks().get(1).id(), "Tune <b>queries</b> & &amp; \\ 3. fast");
		this.jdbc.update("update week set title = ? where id = ?", "Week # five | ORM", week5.id());
		this.jdbc.update("update curriculum set version = version + 1 where slug = ?", slug);
		CurriculumTree edited = this.catalog.tree(slug).orElseThrow();

		String export = this.mvc.perform(get("/api/v1/curricula/{slug}/export", slug).with(fullLogin(this.admin)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String preview = this.imports.preview(this.admin, slug, export);
		assertNoChanges(preview);
		this.imports.apply(this.admin, preview).andExpect(jsonPath("$.changed").value(false));
		assertThat(this.catalog.tree(slug)).contains(edited);
	}

	private void edit(long itemId, String title) {
		this.jdbc.update("update curriculum_item set title = ? where id = ?", title, itemId);
	}

	// A new slug

	@Test
	void aNewSlugCreatesACurriculumFromADocumentOfEitherShape() throws Exception {
		String slug = ImportFixture.newSlug();
		String preview = this.imports.preview(this.admin, slug, ImportFixture.syllabus());
		assertThat((Boolean) JsonPath.read(preview, "$.new")).isTrue();
		assertThat(JsonPath.<Map<String, Object>>read(preview, "$.counts")).containsEntry("phases", 6)
			.containsEntry("weeks", 24)
			.containsEntry("skills", 60)
			.containsEntry("tasks", 33)
			.containsEntry("resources", 24)
			.containsEntry("references", 0);
		assertThat(this.catalog.idOf(slug)).as("nothing stored before applying").isEmpty();

		this.imports.apply(this.admin, preview)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(true))
			.andExpect(jsonPath("$.changed").value(true));
		assertThat(this.catalog.tree(slug).orElseThrow().weekCount()).isEqualTo(24);
		assertThat(this.jdbc.queryForObject("select shape from curriculum where slug = ?", String.class, slug))
			.isEqualTo("SYLLABUS");
		assertThat(audited(slug)).isOne();

		String roadmap = ImportFixture.newSlug();
		this.imports.apply(this.admin, this.imports.preview(this.admin, roadmap, ImportFixture.roadmap()))
			.andExpect(status().isOk());
		assertThat(this.catalog.tree(roadmap).orElseThrow().weekCount()).isEqualTo(19);
	}

	// A changed document

	@Test
	void aChangedDocumentPreviewsItsChangesAndAppliesThemKeepingIdsAndProgress() throws Exception {
		String slug = this.imports.copyOf(BundledDocuments.SYLLABUS, this.admin);
		CurriculumTree before = this.catalog.tree(slug).orElseThrow();
		WeekView week1 = before.week(1).orElseThrow();
		WeekView week2 = before.week(2).orElseThrow();
		SkillView mvt = skill(week1, "MVT pattern");
		TaskView admin = week2.tasks().get(1);
		AccountUser learner = this.fixtures.learner();
		this.mvc.perform(post("/api/v1/curricula/{slug}/enrollment", slug).with(user(learner)).with(csrf()))
			.andExpect(status().isCreated());
		List<Long> done = new ArrayList<>(week1.tasks().stream().map(TaskView::id).toList());
		done.add(mvt.id());
		done.add(skill(week1, "Python refresh").id());
		for (long item : done) {
			this.mvc
				.perform(put("/api/v1/me/progress/{slug}/items/{id}", slug, item).with(user(learner))
					.with(csrf())
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"done\": true}"))
				.andExpect(status().isOk());
		}
		assertThat(week1Finished(slug, learner)).isTrue();
		long version = version(slug);

		String changed = ImportFixture.syllabus()
			.replace("HTTP basics, MVT pattern, Django setup", "HTTP basics, Django setup")
			.replace("3. Set up templates & static files. |",
					"3. Set up templates & static files. 4. Write a README. |")
			.replace("2. Use Django admin for content.", "2. Use the Django admin for all content.");
		String preview = this.imports.preview(this.admin, slug, changed);

		assertThat(JsonPath.<List<Object>>read(preview, "$.diff.added")).hasSize(1);
		assertThat(JsonPath.<Map<String, Object>>read(preview, "$.diff.added[0]")).containsEntry("kind", "task")
			.containsEntry("week", 1)
			.containsEntry("text", "Write a README.")
			.doesNotContainKey("id");
		assertThat(JsonPath.<List<Object>>read(preview, "$.diff.changed")).hasSize(1);
		assertThat(JsonPath.<Map<String, Object>>read(preview, "$.diff.changed[0]")).containsEntry("kind", "task")
			.containsEntry("id", (int) admin.id())
			.containsEntry("week", 2)
			.containsEntry("text", "Use the Django admin for all content.")
			.containsEntry("previous", "Use Django admin for content.")
			.containsEntry("learnersAffected", 0);
		assertThat(JsonPath.<List<Object>>read(preview, "$.diff.removed")).hasSize(1);
		assertThat(JsonPath.<Map<String, Object>>read(preview, "$.diff.removed[0]")).containsEntry("kind", "skill")
			.containsEntry("id", (int) mvt.id())
			.containsEntry("week", 1)
			.containsEntry("text", "MVT pattern")
			.containsEntry("learnersAffected", 1);
		assertThat(JsonPath.<List<Object>>read(preview, "$.diff.moved")).isEmpty();
		assertThat(JsonPath.<List<Object>>read(preview, "$.diff.other")).isEmpty();
		assertThat(JsonPath.<List<String>>read(preview, "$.warnings[*].code")).contains("progress");
		assertThat(version(slug)).as("a preview changes nothing").isEqualTo(version);

		this.imports.apply(this.admin, preview).andExpect(status().isOk()).andExpect(jsonPath("$.changed").value(true));

		CurriculumTree after = this.catalog.tree(slug).orElseThrow();
		assertThat(version(slug)).isEqualTo(version + 1);
		assertThat(after.week(2).orElseThrow().tasks().get(1)).satisfies((task) -> {
			assertThat(task.id()).isEqualTo(admin.id());
			assertThat(task.text()).isEqualTo("Use the Django admin for all content.");
		});
		List<Long> idsBefore = new ArrayList<>(itemIds(before));
		idsBefore.remove(mvt.id());
		List<Long> idsAfter = itemIds(after);
		assertThat(idsAfter).containsAll(idsBefore).hasSize(idsBefore.size() + 1);
		assertThat(after.week(1).orElseThrow().skills()).extracting(SkillView::id).doesNotContain(mvt.id());
		assertThat(this.jdbc.queryForObject("select archived_at is not null from curriculum_item where id = ?",
				Boolean.class, mvt.id()))
			.as("the removed skill is archived")
			.isTrue();
		assertThat(this.jdbc.queryForList(
				"select c.item_id from check_off c join enrollment e on e.id = c.enrollment_id where e.learner_id = ?",
				Long.class, learner.id()))
			.as("every check-off is kept")
			.containsExactlyInAnyOrderElementsOf(done);
		assertThat(week1Finished(slug, learner)).as("the finished week stays finished").isTrue();
		TaskView readme = after.week(1).orElseThrow().tasks().get(3);
		assertThat(readme.text()).isEqualTo("Write a README.");
		assertThat(after.week(1).orElseThrow().addedLater(readme.createdAt())).as("shown as new").isTrue();
		assertThat(audited(slug)).isEqualTo(2);
		assertThat(this.jdbc.queryForObject(
				"select after_text from audit_entry where subject = ? and action = 'import.applied' order by id desc limit 1",
				String.class, slug))
			.contains("removed skill, week 1: MVT pattern");

		// applying the same document again changes nothing
		assertNoChanges(this.imports.preview(this.admin, slug, changed));
	}

	@Test
	void aDocumentThatMovesAnItemToAnotherWeekKeepsItsId() throws Exception {
		String slug = this.imports.copyOf(BundledDocuments.ROADMAP, this.admin);
		SkillView signals = skill(this.catalog.tree(slug).orElseThrow().week(12).orElseThrow(), "Signals");
		String moved = ImportFixture.roadmap()
			.replace("- **Signals**: Django signals for decoupled applications[25][26]\n", "")
			.replace("- **Monitoring Tasks**: Using Flower for Celery monitoring[25]\n",
					"- **Monitoring Tasks**: Using Flower for Celery monitoring[25]\n"
							+ "- **Signals**: Django signals for decoupled applications[25][26]\n");
		String preview = this.imports.preview(this.admin, slug, moved);
		assertThat(JsonPath.<List<Object>>read(preview, "$.diff.moved")).hasSize(1);
		assertThat(JsonPath.<Map<String, Object>>read(preview, "$.diff.moved[0]"))
			.containsEntry("id", (int) signals.id())
			.containsEntry("fromWeek", 12)
			.containsEntry("week", 15);
		this.imports.apply(this.admin, preview).andExpect(status().isOk());
		assertThat(skill(this.catalog.tree(slug).orElseThrow().week(15).orElseThrow(), "Signals").id())
			.isEqualTo(signals.id());
	}

	@Test
	void aDocumentWithFewerWeeksIsRefusedAndChangesNothing() throws Exception {
		String slug = this.imports.copyOf(BundledDocuments.SYLLABUS, this.admin);
		String shorter = ImportFixture.syllabus().replaceAll("(?m)^\\| \\*\\*24\\*\\* .*\\n", "");
		this.imports.send(this.admin, slug, shorter.getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", containsString("can add weeks but not remove them")));
	}

	// Conflicts

	@Test
	void applyingAPreviewOfAnOlderVersionIsAConflict() throws Exception {
		String slug = this.imports.copyOf(BundledDocuments.SYLLABUS, this.admin);
		String first = this.imports.preview(this.admin, slug,
				ImportFixture.syllabus().replace("Optimize queries.", "Optimize every query."));
		String second = this.imports.preview(this.admin, slug,
				ImportFixture.syllabus().replace("Test with Postman.", "Test with curl."));
		this.imports.apply(this.admin, first).andExpect(status().isOk());
		long version = version(slug);

		this.imports.apply(this.admin, second)
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Curriculum changed"))
			.andExpect(jsonPath("$.currentVersion").value((int) version));
		assertThat(version(slug)).isEqualTo(version);
		assertThat(this.jdbc.queryForObject("select count(*) from curriculum_item i join week w on w.id = i.week_id"
				+ " join curriculum c on c.id = w.curriculum_id where c.slug = ? and i.title = 'Test with curl.'",
				Integer.class, slug))
			.isZero();
	}

	@Test
	void twoAdminsApplyingAtOnceOneWinsAndTheOtherGetsAConflict() throws Exception {
		String slug = this.imports.copyOf(BundledDocuments.SYLLABUS, this.admin);
		AccountUser other = this.fixtures.admin();
		long first = this.service
			.preview(new NewImport(slug,
					ImportFixture.syllabus()
						.replace("Optimize queries.", "Optimize every query.")
						.getBytes(StandardCharsets.UTF_8),
					null, this.admin.id()))
			.id();
		long second = this.service
			.preview(new NewImport(slug,
					ImportFixture.syllabus()
						.replace("Test with Postman.", "Test with curl.")
						.getBytes(StandardCharsets.UTF_8),
					null, other.id()))
			.id();
		long version = version(slug);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Object> a = pool
				.submit(() -> applyAfter(start, new ApplyImport(first, this.admin.id(), this.admin.getUsername())));
			Future<Object> b = pool
				.submit(() -> applyAfter(start, new ApplyImport(second, other.id(), other.getUsername())));
			start.countDown();
			List<Object> outcomes = List.of(a.get(), b.get());
			assertThat(outcomes).filteredOn(CurriculumImports.AppliedImport.class::isInstance).hasSize(1);
			assertThat(outcomes).filteredOn(CurriculumChangedException.class::isInstance).hasSize(1);
		}
		finally {
			pool.shutdown();
		}
		assertThat(version(slug)).isEqualTo(version + 1);
	}

	private Object applyAfter(CountDownLatch start, ApplyImport command) throws InterruptedException {
		start.await();
		try {
			return this.service.apply(command);
		}
		catch (CurriculumChangedException conflict) {
			return conflict;
		}
	}

	// What is refused, and stores nothing

	@Test
	void documentsThatCannotBeReadAreRefusedNamingTheLineAndStoreNothing() throws Exception {
		long previews = previews();
		String slug = ImportFixture.newSlug();
		ByteArrayOutputStream latin1 = new ByteArrayOutputStream();
		latin1.writeBytes("# Caf".getBytes(StandardCharsets.UTF_8));
		latin1.write(0xE9);
		byte[] tooLarge = new byte[MarkdownCurriculumParser.MAX_DOCUMENT_SIZE + 1];
		Arrays.fill(tooLarge, (byte) 'a');
		Map<byte[], String> refused = new LinkedHashMap<>();
		refused.put(tooLarge, "Line 1: the document is larger than 1024 KiB");
		refused.put(("# Title\n\nText\n\n## Month 1 – Start\n\n" + "| Week | Skills |\n| --- | --- |\n| 1 | a |\n")
			.getBytes(StandardCharsets.UTF_8), "Line 7: the table has no \"resources\" column");
		refused.put(latin1.toByteArray(), "Line 1: the file is not valid UTF-8");
		refused.put(
				"# T\n\n## Start (Month 1)\n### B\n- a\n\n> > > > > > > > > > deep\n".getBytes(StandardCharsets.UTF_8),
				"Line 7: lists and block quotes are nested more than 8 levels deep");
		refused.put(
				("# T\n\n## Start (Month 1)\n### B\n- " + "> ".repeat(10_000) + "x\n").getBytes(StandardCharsets.UTF_8),
				"Line 5: lists and block quotes are nested");
		refused.put("# T\n\n## Start (Month 1)\n### B\n- a\u0000b\n".getBytes(StandardCharsets.UTF_8),
				"Line 5: the document contains a NUL character");
		refused.put("Just text, no title\n".getBytes(StandardCharsets.UTF_8), "Line 1: the document has no # title");
		refused.put(("# T\n## Start (Month 1)\n### Crowded\n" + "- skill\n".repeat(ItemBudget.MAX_ITEMS_PER_WEEK + 1))
			.getBytes(StandardCharsets.UTF_8), "Line 204: a week has more than 200 skills and project tasks");
		for (Map.Entry<byte[], String> document : refused.entrySet()) {
			this.imports.send(this.admin, slug, document.getKey())
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail", startsWith(document.getValue())))
				.andExpect(jsonPath("$.line").isNumber());
		}
		assertThat(previews()).isEqualTo(previews);
		assertThat(this.catalog.idOf(slug)).isEmpty();
	}

	@Test
	void aByteOrderMarkIsFine() throws Exception {
		ByteArrayOutputStream document = new ByteArrayOutputStream();
		document.writeBytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		document.writeBytes(BundledDocuments.source(BundledDocuments.ROADMAP));
		this.imports.send(this.admin, BundledDocuments.ROADMAP, document.toByteArray())
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.diff.changed").isEmpty());
	}

	@Test
	void aSlugThatIsNotOneAndABodyThatIsNotMarkdownAreRefused() throws Exception {
		for (String slug : List.of("../etc/passwd", "Kotlin", "a--b", "x".repeat(101))) {
			this.imports.send(this.admin, slug, BundledDocuments.source(BundledDocuments.ROADMAP))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.detail", containsString("must be lowercase letters")));
		}
		this.mvc
			.perform(post("/api/v1/admin/imports").param("slug", ImportFixture.newSlug())
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("a=b")
				.with(fullLogin(this.admin))
				.with(csrf()))
			.andExpect(status().isUnsupportedMediaType());
	}

	// Previews

	@Test
	void aPreviewIsReadCancelledAndUsedOnlyByTheAdminWhoMadeIt() throws Exception {
		String preview = this.imports.preview(this.admin, ImportFixture.newSlug(), ImportFixture.roadmap());
		long id = ((Number) JsonPath.read(preview, "$.id")).longValue();
		AccountUser other = this.fixtures.admin();
		this.mvc.perform(get("/api/v1/admin/imports/{id}", id).with(fullLogin(other))).andExpect(status().isNotFound());
		this.mvc.perform(post("/api/v1/admin/imports/{id}/apply", id).with(fullLogin(other)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(delete("/api/v1/admin/imports/{id}", id).with(fullLogin(other)).with(csrf()))
			.andExpect(status().isNotFound());

		this.mvc.perform(get("/api/v1/admin/imports/{id}", id).with(fullLogin(this.admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value((int) id));
		this.mvc.perform(delete("/api/v1/admin/imports/{id}", id).with(fullLogin(this.admin)).with(csrf()))
			.andExpect(status().isNoContent());
		this.mvc.perform(post("/api/v1/admin/imports/{id}/apply", id).with(fullLogin(this.admin)).with(csrf()))
			.andExpect(status().isNotFound());
	}

	// Who may import

	@Test
	void learnersMentorsAndAnonymousCallersCannotImportAndWritesNeedTheCsrfToken() throws Exception {
		String preview = this.imports.preview(this.admin, ImportFixture.newSlug(), ImportFixture.roadmap());
		long id = ((Number) JsonPath.read(preview, "$.id")).longValue();
		byte[] document = BundledDocuments.source(BundledDocuments.ROADMAP);
		for (AccountUser refused : List.of(this.fixtures.learner(), this.fixtures.mentor())) {
			this.imports.send(refused, ImportFixture.newSlug(), document).andExpect(status().isForbidden());
			this.mvc.perform(get("/api/v1/admin/imports/{id}", id).with(user(refused)))
				.andExpect(status().isForbidden());
			this.mvc.perform(post("/api/v1/admin/imports/{id}/apply", id).with(user(refused)).with(csrf()))
				.andExpect(status().isForbidden());
			this.mvc.perform(delete("/api/v1/admin/imports/{id}", id).with(user(refused)).with(csrf()))
				.andExpect(status().isForbidden());
		}
		this.mvc.perform(get("/api/v1/admin/imports/{id}", id)).andExpect(status().isUnauthorized());
		this.mvc
			.perform(post("/api/v1/admin/imports").param("slug", ImportFixture.newSlug())
				.contentType(MediaType.parseMediaType("text/markdown"))
				.content(document)
				.with(fullLogin(this.admin)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/v1/admin/imports/{id}/apply", id).with(fullLogin(this.admin)))
			.andExpect(status().isForbidden());
		this.mvc.perform(delete("/api/v1/admin/imports/{id}", id).with(fullLogin(this.admin)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/admin/imports/{id}", id).with(fullLogin(this.admin))).andExpect(status().isOk());
	}

	@Test
	void theApiDocumentationDescribesImportAndExport() throws Exception {
		String docs = this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(docs).contains("\"/api/v1/admin/imports\"", "\"/api/v1/admin/imports/{id}\"",
				"\"/api/v1/admin/imports/{id}/apply\"", "\"/api/v1/curricula/{slug}/export\"", "learnersAffected");
	}

	private static void assertNoChanges(String preview) {
		for (String list : List.of("added", "changed", "removed", "moved", "other")) {
			assertThat(JsonPath.<List<Object>>read(preview, "$.diff." + list)).as(list + " in " + preview).isEmpty();
		}
	}

	private boolean week1Finished(String slug, AccountUser learner) throws Exception {
		String progress = this.mvc.perform(get("/api/v1/me/progress/{slug}", slug).with(user(learner)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(progress, "$.weeks[0].finished");
	}

	private static SkillView skill(WeekView week, String name) {
		return week.skills().stream().filter((skill) -> skill.name().equals(name)).findFirst().orElseThrow();
	}

	private static List<Long> itemIds(CurriculumTree tree) {
		return tree.weeks().stream().flatMap((week) -> week.itemIds().stream()).toList();
	}

	private long version(String slug) {
		return this.jdbc.queryForObject("select version from curriculum where slug = ?", Long.class, slug);
	}

	private int audited(String slug) {
		return this.jdbc.queryForObject(
				"select count(*) from audit_entry where area = 'curriculum' and action = 'import.applied' and subject = ?",
				Integer.class, slug);
	}

	private long previews() {
		return this.jdbc.queryForObject("select count(*) from curriculum_import where created_by = ?", Long.class,
				this.admin.id());
	}

}
