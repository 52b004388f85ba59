package io.stepwise.curriculum;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.curriculum.CurriculumEdits.AddSkill;
import io.stepwise.curriculum.CurriculumEdits.Basis;
import io.stepwise.curriculum.CurriculumEdits.Direction;
import io.stepwise.curriculum.CurriculumEdits.EditTask;
import io.stepwise.curriculum.CurriculumEdits.Editor;
import io.stepwise.curriculum.CurriculumEdits.Move;
import io.stepwise.curriculum.CurriculumEdits.Part;
import io.stepwise.curriculum.CurriculumEdits.Removal;
import io.stepwise.curriculum.CurriculumEdits.SkillContent;
import io.stepwise.curriculum.CurriculumTree.SkillView;
import io.stepwise.curriculum.CurriculumTree.WeekView;
import io.stepwise.support.BundledDocuments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.stepwise.support.FullLogin.fullLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Edits in the browser and imports of documents meet on one curriculum: an export after
 * edits imports as no change, an import moves the same version the editor checks, and
 * items an import removes are archived as the editor archives them. Each test works on a
 * copy of the bundled roadmap under a slug of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(EditingFixtures.class)
class CurriculumEditImportTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	EditingFixtures fixtures;

	@Autowired
	TestAccounts accounts;

	@Autowired
	CurriculumEditor editor;

	private AccountUser admin;

	private String slug;

	@BeforeEach
	void copyOfTheRoadmap() throws Exception {
		this.admin = this.fixtures.admin();
		this.slug = "edit-import-" + UUID.randomUUID().toString().substring(0, 13);
		apply(preview(roadmap())).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(true));
	}

	@Test
	void theExportOfAnEditedCurriculumImportsWithNoChangeAndKeepsEveryId() throws Exception {
		CurriculumTree original = this.fixtures.tree(this.slug);
		WeekView withTasks = original.weeks()
			.stream()
			.filter((week) -> !week.tasks().isEmpty())
			.findFirst()
			.orElseThrow();
		this.editor.editTask(
				new EditTask(basis(), withTasks.tasks().get(0).id(), "Build a small todo list application, tested"));
		this.editor.addSkill(new AddSkill(basis(), original.week(1).orElseThrow().id(),
				new SkillContent("Debugging", "Using pdb and breakpoints")));
		this.editor.move(new Move(basis(), Part.WEEK, original.week(3).orElseThrow().id(), Direction.DOWN));
		CurriculumTree edited = this.fixtures.tree(this.slug);
		assertThat(edited.week(3).orElseThrow().id()).isEqualTo(original.week(4).orElseThrow().id());
		long version = this.fixtures.version(this.slug);

		String export = export();
		assertThat(export).contains("Build a small todo list application, tested", "**Debugging**");
		String preview = preview(export);
		assertNoChanges(preview);
		apply(preview).andExpect(status().isOk()).andExpect(jsonPath("$.changed").value(false));

		CurriculumTree after = this.fixtures.tree(this.slug);
		assertThat(after).isEqualTo(edited);
		assertThat(ids(after)).isEqualTo(ids(edited));
		assertThat(this.fixtures.version(this.slug)).as("the version").isEqualTo(version);
	}

	@Test
	void anImportMovesTheVersionOnceAndTheEditorRefusesAFormOpenedBefore() throws Exception {
		long version = this.fixtures.version(this.slug);
		String changed = roadmap().replace("Simple todo list application", "A simple todo list application")
			.replace("- **Migrations**: Creating, applying, and managing database migrations\n", "");
		apply(preview(changed)).andExpect(status().isOk()).andExpect(jsonPath("$.changed").value(true));
		assertThat(this.fixtures.version(this.slug)).isEqualTo(version + 1);

		WeekView first = this.fixtures.week(this.slug, 1);
		assertThat(org.junit.jupiter.api.Assertions
			.assertThrows(CurriculumChangedException.class, () -> this.editor.addSkill(
					new AddSkill(new Basis(this.slug, version, editor()), first.id(), new SkillContent("Late", ""))))
			.properties()).isEmpty();

		// also when dropping a reference writes part of the change early
		String dropped = changed.replace(
				"[53](https://www.reddit.com/r/django/comments/1gsuhmj/what_is_the_industry_standard_for_django_project/)",
				"");
		apply(preview(dropped)).andExpect(status().isOk()).andExpect(jsonPath("$.changed").value(true));
		assertThat(this.fixtures.version(this.slug)).isEqualTo(version + 2);
		assertThat(export()).doesNotContain("[53]");
	}

	@Test
	void aCurriculumEditedInTheBrowserAfterThePreviewIsAConflict() throws Exception {
		String preview = preview(roadmap().replace("Simple todo list application", "A simple todo list application"));
		long previewed = this.fixtures.version(this.slug);
		this.editor
			.addSkill(new AddSkill(basis(), this.fixtures.week(this.slug, 1).id(), new SkillContent("Debugging", "")));
		CurriculumTree edited = this.fixtures.tree(this.slug);

		apply(preview).andExpect(status().isConflict())
			.andExpect(jsonPath("$.previewedVersion").value(previewed))
			.andExpect(jsonPath("$.currentVersion").value(previewed + 1));
		assertThat(this.fixtures.tree(this.slug)).isEqualTo(edited);
	}

	@Test
	void anImportIgnoresArchivedWeeksAndItsExportLeavesThemOut() throws Exception {
		CurriculumTree before = this.fixtures.tree(this.slug);
		WeekView first = before.week(1).orElseThrow();
		AccountUser learner = this.accounts.learner();
		this.fixtures.enroll(learner, this.slug);
		this.fixtures.check(learner, this.slug, first.skills().get(0).id());
		// Week 1 emptied and removed: a learner's check-off keeps it, archived
		for (SkillView skill : first.skills()) {
			this.editor.remove(new Removal(basis(), Part.SKILL, skill.id()));
		}
		this.editor.remove(new Removal(basis(), Part.WEEK, first.id()));
		CurriculumTree edited = this.fixtures.tree(this.slug);
		assertThat(edited.weeks()).hasSize(before.weeks().size() - 1);
		assertThat(this.fixtures.weekNumbers(this.slug)).containsEntry(first.id(), null);

		String export = export();
		assertThat(export).doesNotContain("Core Python Skills Required", "Python Fundamentals");
		String preview = preview(export);
		assertNoChanges(preview);
		apply(preview).andExpect(jsonPath("$.changed").value(false));
		assertThat(this.fixtures.tree(this.slug)).isEqualTo(edited);

		// a document that changes week 1 changes the live week 1, the former week 2
		assertThat(export).contains("### Web Development Basics[");
		String changed = export.replace("### Web Development Basics[", "### Web Basics[");
		apply(preview(changed)).andExpect(status().isOk()).andExpect(jsonPath("$.changed").value(true));
		WeekView now = this.fixtures.week(this.slug, 1);
		assertThat(now.id()).isEqualTo(before.week(2).orElseThrow().id());
		assertThat(now.title()).isEqualTo("Web Basics");
		assertThat(this.fixtures.weekNumbers(this.slug)).containsEntry(first.id(), null);
	}

	@Test
	void itemsAnImportRemovesAreArchivedAndFinishTheWeekForLearnersWhoDidTheRest() throws Exception {
		WeekView first = this.fixtures.week(this.slug, 1);
		AccountUser learner = this.accounts.learner();
		this.fixtures.enroll(learner, this.slug);
		List<SkillView> skills = first.skills();
		for (SkillView skill : skills.subList(0, skills.size() - 1)) {
			this.fixtures.check(learner, this.slug, skill.id());
		}
		SkillView last = skills.get(skills.size() - 1);
		assertThat(last.name()).isEqualTo("Virtual Environments");
		assertThat(this.fixtures.finishRecorded(learner, first.id())).isFalse();

		String removed = roadmap()
			.replace("- **Virtual Environments**: Understanding pip, venv, and package management\n", "");
		apply(preview(removed)).andExpect(status().isOk()).andExpect(jsonPath("$.changed").value(true));

		assertThat(this.fixtures.week(this.slug, 1).itemIds()).doesNotContain(last.id());
		assertThat(this.fixtures.finishRecorded(learner, first.id())).isTrue();
	}

	private Basis basis() {
		return new Basis(this.slug, this.fixtures.version(this.slug), editor());
	}

	private Editor editor() {
		return new Editor(this.admin.id(), this.admin.getUsername());
	}

	private static String roadmap() {
		return new String(BundledDocuments.source(BundledDocuments.ROADMAP), StandardCharsets.UTF_8);
	}

	private String export() throws Exception {
		return this.mvc.perform(get("/api/v1/curricula/{slug}/export", this.slug).with(fullLogin(this.admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/** Previews the document through the API and answers the preview's JSON. */
	private String preview(String document) throws Exception {
		return this.mvc
			.perform(post("/api/v1/admin/imports").param("slug", this.slug)
				.contentType(MediaType.parseMediaType("text/markdown"))
				.content(document.getBytes(StandardCharsets.UTF_8))
				.with(fullLogin(this.admin))
				.with(csrf()))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private ResultActions apply(String preview) throws Exception {
		long id = ((Number) JsonPath.read(preview, "$.id")).longValue();
		return this.mvc.perform(post("/api/v1/admin/imports/{id}/apply", id).with(fullLogin(this.admin)).with(csrf()));
	}

	private static void assertNoChanges(String preview) {
		for (String list : List.of("added", "changed", "removed", "moved", "other")) {
			assertThat(JsonPath.<List<Object>>read(preview, "$.diff." + list)).as(list + " in " + preview).isEmpty();
		}
	}

	private static List<Long> ids(CurriculumTree tree) {
		return tree.weeks()
			.stream()
			.flatMap((week) -> java.util.stream.Stream.concat(java.util.stream.Stream.of(week.id()),
					week.itemIds().stream()))
			.toList();
	}

}
