package io.stepwise.curriculum;

import java.util.List;
import java.util.Map;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.curriculum.CurriculumTree.PhaseView;
import io.stepwise.curriculum.CurriculumTree.SkillView;
import io.stepwise.curriculum.CurriculumTree.TaskView;
import io.stepwise.curriculum.CurriculumTree.WeekView;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.stepwise.support.FullLogin.fullLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Curriculum edits never take progress away: parts keep their ids when moved and edited,
 * removed items are archived with their check-offs, and a week a learner finished stays
 * finished when items are added to it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(EditingFixtures.class)
class CurriculumEditProgressTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	EditingFixtures fixtures;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	private AccountUser admin;

	private String slug;

	private String base;

	@BeforeEach
	void curriculum() {
		this.admin = this.fixtures.admin();
		this.slug = this.fixtures.curriculum();
		this.base = "/admin/curricula/" + this.slug;
	}

	@Test
	void movingWeeksRenumbersThemAndKeepsTheirIdsAndCheckOffs() throws Exception {
		AccountUser learner = this.accounts.learner();
		this.fixtures.enroll(learner, this.slug);
		CurriculumTree before = this.fixtures.tree(this.slug);
		WeekView first = before.week(1).orElseThrow();
		WeekView second = before.week(2).orElseThrow();
		WeekView third = before.week(3).orElseThrow();
		for (TaskView task : first.tasks()) {
			this.fixtures.check(learner, this.slug, task.id());
		}
		assertThat(this.fixtures.finishRecorded(learner, first.id())).isTrue();

		long version = this.fixtures.version(this.slug);
		move("weeks", second.id(), "UP", version);
		assertThat(this.fixtures.weekNumbers(this.slug)).containsEntry(second.id(), 1)
			.containsEntry(first.id(), 2)
			.containsEntry(third.id(), 3);
		// The first week of a phase moved up becomes the last of the phase before: same
		// number, another phase.
		move("weeks", third.id(), "UP", version + 1);
		CurriculumTree after = this.fixtures.tree(this.slug);
		assertThat(after.phases().get(0).weeks()).extracting(WeekView::id)
			.containsExactly(second.id(), first.id(), third.id());
		assertThat(after.phases().get(1).weeks()).isEmpty();
		assertThat(this.fixtures.version(this.slug)).isEqualTo(version + 2);

		// Moving the second phase first takes its weeks along; now it has none.
		PhaseView secondPhase = after.phases().get(1);
		move("phases", secondPhase.id(), "UP", version + 2);
		assertThat(this.fixtures.tree(this.slug).phases()).extracting(PhaseView::id)
			.containsExactly(secondPhase.id(), after.phases().get(0).id());
		move("weeks", second.id(), "UP", version + 3);
		CurriculumTree last = this.fixtures.tree(this.slug);
		assertThat(last.phases().get(0).weeks()).extracting(WeekView::id).containsExactly(second.id());
		assertThat(last.weeks()).extracting(WeekView::id).containsExactly(second.id(), first.id(), third.id());
		assertThat(last.weeks()).extracting(WeekView::number).containsExactly(1, 2, 3);

		for (TaskView task : first.tasks()) {
			assertThat(this.fixtures.checkOffs(task.id())).isEqualTo(1);
		}
		assertThat(this.fixtures.finishRecorded(learner, first.id())).isTrue();
		assertThat(this.fixtures.audit(this.slug).get(0)).containsEntry("action", "week.moved");
	}

	@Test
	void movingItemsAndResourcesChangesTheirOrderOnly() throws Exception {
		AccountUser learner = this.accounts.learner();
		this.fixtures.enroll(learner, this.slug);
		long taskB = this.fixtures.taskId(this.slug, "Task B");
		this.fixtures.check(learner, this.slug, taskB);
		long version = this.fixtures.version(this.slug);

		move("tasks", taskB, "UP", version);
		WeekView week = this.fixtures.week(this.slug, 1);
		assertThat(week.tasks()).extracting(TaskView::text).containsExactly("Task B", "Task A", "Task C");
		assertThat(week.tasks()).extracting(TaskView::position).containsExactly(1, 2, 3);
		assertThat(week.tasks().get(0).id()).isEqualTo(taskB);
		assertThat(this.fixtures.checkOffs(taskB)).isEqualTo(1);

		long alpha = this.fixtures.skillId(this.slug, "Alpha");
		move("skills", alpha, "DOWN", version + 1);
		assertThat(this.fixtures.week(this.slug, 1).skills()).extracting(SkillView::name)
			.containsExactly("Beta", "Alpha");

		this.mvc
			.perform(admin(post(this.base + "/weeks/" + week.id() + "/resources/new")).param("title", "Second")
				.param("url", "https://example.org/2")
				.param("kind", "TOOL")
				.param("description", "")
				.param("version", String.valueOf(version + 2)))
			.andExpect(status().is3xxRedirection());
		long second = this.fixtures.week(this.slug, 1).resources().get(1).id();
		move("resources", second, "UP", version + 3);
		assertThat(this.fixtures.week(this.slug, 1).resources()).extracting(CurriculumTree.ResourceView::title)
			.containsExactly("Second", "Docs");

		// The public page lists them in the new order.
		Document page = Jsoup.parse(this.mvc.perform(get("/curricula/" + this.slug + "/weeks/1"))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select("#tasks-heading + ol li").eachText().get(0)).contains("1.", "Task B");
		assertThat(this.fixtures.version(this.slug)).isEqualTo(version + 4);
	}

	@Test
	void removingItemsTellsWhoIsAffectedThenArchivesThemWithTheirCheckOffs() throws Exception {
		AccountUser learner = this.accounts.learner();
		AccountUser other = this.accounts.learner();
		this.fixtures.enroll(learner, this.slug);
		this.fixtures.enroll(other, this.slug);
		WeekView first = this.fixtures.week(this.slug, 1);
		long taskA = this.fixtures.taskId(this.slug, "Task A");
		long taskB = this.fixtures.taskId(this.slug, "Task B");
		long taskC = this.fixtures.taskId(this.slug, "Task C");
		this.fixtures.check(learner, this.slug, taskA);
		this.fixtures.check(learner, this.slug, taskB);
		this.fixtures.check(other, this.slug, taskA);

		Document confirm = page(get(this.base + "/tasks/" + taskA + "/delete"));
		assertThat(confirm.select("h1").text()).isEqualTo("Remove this project task?");
		assertThat(confirm.select("main").text()).contains("“Task A” in week 1", "2 learners have checked this off.",
				"Removing it archives it rather than deleting it");
		long version = this.fixtures.version(this.slug);
		this.mvc
			.perform(admin(post(this.base + "/tasks/" + taskA + "/delete")).param("version", String.valueOf(version)))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "admin.curriculum.removed.archived"));
		assertThat(this.jdbc.queryForObject("select archived_at is not null from curriculum_item where id = ?",
				Boolean.class, taskA))
			.isTrue();
		assertThat(this.fixtures.checkOffs(taskA)).isEqualTo(2);
		assertThat(this.fixtures.week(this.slug, 1).tasks()).extracting(TaskView::text)
			.containsExactly("Task B", "Task C");
		assertThat(this.fixtures.week(this.slug, 1).tasks()).extracting(TaskView::position).containsExactly(1, 2);
		Map<String, Object> entry = this.fixtures.audit(this.slug).get(0);
		assertThat(entry).containsEntry("action", "task.archived")
			.containsEntry("subject", this.slug + ", week 1, task 1");
		assertThat((String) entry.get("before_text")).contains("Text: Task A");
		assertThat((String) entry.get("after_text")).contains("2 learners keep it");
		assertThat(this.fixtures.finishRecorded(learner, first.id())).isFalse();

		// Task C was all the learner still needed: without it, the week is finished.
		assertThat(page(get(this.base + "/tasks/" + taskC + "/delete")).select("main").text())
			.contains("No learner has checked this off.");
		this.mvc
			.perform(admin(post(this.base + "/tasks/" + taskC + "/delete")).param("version",
					String.valueOf(version + 1)))
			.andExpect(status().is3xxRedirection());
		assertThat(this.fixtures.finishRecorded(learner, first.id())).isTrue();
		assertThat(this.fixtures.finishRecorded(other, first.id())).isFalse();
		this.fixtures.progress(learner, this.slug)
			.andExpect(jsonPath("$.weeks[0].finished").value(true))
			.andExpect(jsonPath("$.weeks[0].required").value(1))
			.andExpect(jsonPath("$.weeks[1].locked").value(false));
		this.fixtures.progress(other, this.slug)
			.andExpect(jsonPath("$.weeks[0].finished").value(false))
			.andExpect(jsonPath("$.weeks[1].locked").value(true));
		Document week = Jsoup.parse(this.mvc.perform(get("/curricula/" + this.slug + "/weeks/1").with(user(learner)))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(week.select("#tasks-heading + ol li").eachText()).hasSize(1).first().asString().contains("Task B");

		// Archived items are gone for the editor too.
		this.mvc.perform(admin(get(this.base + "/tasks/" + taskA + "/edit"))).andExpect(status().isNotFound());

		// A week finished by a removal stays finished when items are added to it later.
		this.mvc
			.perform(admin(post(this.base + "/weeks/" + first.id() + "/tasks/new")).param("text", "Task new")
				.param("version", String.valueOf(version + 2)))
			.andExpect(status().is3xxRedirection());
		this.fixtures.progress(learner, this.slug).andExpect(jsonPath("$.weeks[0].finished").value(true));
	}

	@Test
	void aTaskAddedToAFinishedWeekKeepsItFinishedAndShowsAsNew() throws Exception {
		AccountUser learner = this.accounts.learner();
		this.fixtures.enroll(learner, this.slug);
		WeekView first = this.fixtures.week(this.slug, 1);
		for (TaskView task : first.tasks()) {
			this.fixtures.check(learner, this.slug, task.id());
		}
		long version = this.fixtures.version(this.slug);
		assertThat(page(get(this.base + "/weeks/" + first.id() + "/tasks/new")).select("main").text())
			.contains("Learners who finished this week keep it finished");
		this.mvc
			.perform(admin(post(this.base + "/weeks/" + first.id() + "/tasks/new")).param("text", "Task added later")
				.param("version", String.valueOf(version)))
			.andExpect(status().is3xxRedirection());

		this.fixtures.progress(learner, this.slug)
			.andExpect(jsonPath("$.weeks[0].finished").value(true))
			.andExpect(jsonPath("$.weeks[1].locked").value(false));
		Document week = Jsoup.parse(this.mvc
			.perform(get("/curricula/" + this.slug + "/weeks/1").with(user(learner)).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(week.select("#tasks-heading + ol li").eachText()).hasSize(4)
			.last()
			.asString()
			.contains("Task added later", "New since you finished this week");
		Document dashboard = Jsoup.parse(
				this.mvc.perform(get("/dashboard").with(user(learner))).andReturn().getResponse().getContentAsString());
		assertThat(dashboard.select("h3:containsOwn(New in weeks you finished) + ul li").eachText())
			.contains("Week 1: Task added later");
	}

	@Test
	void aWeekIsRemovedOnlyWhenEmptyAndIsArchivedWhenItHasHistory() throws Exception {
		WeekView second = this.fixtures.week(this.slug, 2);
		WeekView third = this.fixtures.week(this.slug, 3);
		Document refused = page(get(this.base + "/weeks/" + second.id() + "/delete"));
		assertThat(refused.select("main").text()).contains("This week still holds");
		assertThat(refused.select("form[action$=/delete]")).isEmpty();
		long version = this.fixtures.version(this.slug);
		this.mvc.perform(
				admin(post(this.base + "/weeks/" + second.id() + "/delete")).param("version", String.valueOf(version)))
			.andExpect(status().isConflict());
		assertThat(this.fixtures.version(this.slug)).isEqualTo(version);

		// Emptied, its archived task keeps it: it is archived, and the week after moves
		// up.
		long taskD = this.fixtures.taskId(this.slug, "Task D");
		this.mvc
			.perform(admin(post(this.base + "/tasks/" + taskD + "/delete")).param("version", String.valueOf(version)))
			.andExpect(status().is3xxRedirection());
		assertThat(page(get(this.base + "/weeks/" + second.id() + "/delete")).select("main").text())
			.contains("No learner has finished this week.", "Removing it archives it");
		this.mvc.perform(admin(post(this.base + "/weeks/" + second.id() + "/delete")).param("version",
				String.valueOf(version + 1)))
			.andExpect(status().is3xxRedirection());
		assertThat(this.fixtures.weekNumbers(this.slug)).containsEntry(second.id(), null).containsEntry(third.id(), 2);
		assertThat(this.fixtures.tree(this.slug).weeks()).extracting(WeekView::id)
			.containsExactly(this.fixtures.week(this.slug, 1).id(), third.id());
		this.mvc.perform(get("/curricula/" + this.slug + "/weeks/3")).andExpect(status().isNotFound());
		assertThat(this.fixtures.audit(this.slug).get(0)).containsEntry("action", "week.archived");

		// A week nobody's history names is deleted.
		this.mvc
			.perform(admin(post(this.base + "/weeks/new")).param("title", "Brief")
				.param("phase", String.valueOf(this.fixtures.tree(this.slug).phases().get(0).id()))
				.param("version", String.valueOf(version + 2)))
			.andExpect(status().is3xxRedirection());
		WeekView brief = this.fixtures.week(this.slug, 2);
		assertThat(brief.title()).isEqualTo("Brief");
		this.mvc
			.perform(admin(post(this.base + "/weeks/" + brief.id() + "/delete")).param("version",
					String.valueOf(version + 3)))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "admin.curriculum.removed.deleted"));
		assertThat(this.fixtures.weekNumbers(this.slug)).doesNotContainKey(brief.id()).containsEntry(third.id(), 2);
		assertThat(this.fixtures.version(this.slug)).isEqualTo(version + 4);
	}

	@Test
	void aPhaseIsRemovedOnlyWithoutWeeksAndNeverTheLastOne() throws Exception {
		CurriculumTree tree = this.fixtures.tree(this.slug);
		PhaseView second = tree.phases().get(1);
		assertThat(page(get(this.base + "/phases/" + second.id() + "/delete")).select("main").text())
			.contains("This phase still has weeks.");
		long version = this.fixtures.version(this.slug);
		move("weeks", tree.week(3).orElseThrow().id(), "UP", version);
		this.mvc.perform(admin(post(this.base + "/phases/" + second.id() + "/delete")).param("version",
				String.valueOf(version + 1)))
			.andExpect(status().is3xxRedirection());
		CurriculumTree after = this.fixtures.tree(this.slug);
		assertThat(after.phases()).extracting(PhaseView::id).containsExactly(tree.phases().get(0).id());
		assertThat(after.weekCount()).isEqualTo(3);
		assertThat(this.fixtures.audit(this.slug).get(0)).containsEntry("action", "phase.deleted");
		assertThat(page(get(this.base + "/phases/" + after.phases().get(0).id() + "/delete")).select("main").text())
			.contains("A curriculum keeps at least one phase.");

		// A new phase goes after the first, at position 2 again.
		this.mvc
			.perform(admin(post(this.base + "/phases/new")).param("title", "Again")
				.param("goal", "")
				.param("monthFrom", "2")
				.param("monthTo", "2")
				.param("version", String.valueOf(version + 2)))
			.andExpect(status().is3xxRedirection());
		assertThat(this.fixtures.tree(this.slug).phases()).extracting(PhaseView::position).containsExactly(1, 2);
	}

	@Test
	void resourcesAreDeleted() throws Exception {
		long docs = this.fixtures.week(this.slug, 1).resources().get(0).id();
		assertThat(page(get(this.base + "/resources/" + docs + "/delete")).select("main").text())
			.contains("Removing it deletes the resource.");
		long version = this.fixtures.version(this.slug);
		this.mvc
			.perform(
					admin(post(this.base + "/resources/" + docs + "/delete")).param("version", String.valueOf(version)))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject("select count(*) from resource where id = ?", Long.class, docs)).isZero();
		assertThat(this.fixtures.week(this.slug, 1).resources()).isEmpty();
		assertThat(this.fixtures.audit(this.slug).get(0)).containsEntry("action", "resource.deleted");
	}

	@Test
	void partsOfAnotherCurriculumAreNotFound() throws Exception {
		String other = this.fixtures.curriculum();
		long foreignTask = this.fixtures.taskId(other, "Task A");
		long foreignWeek = this.fixtures.week(other, 1).id();
		long version = this.fixtures.version(this.slug);
		for (String path : List.of("/tasks/" + foreignTask + "/edit", "/tasks/" + foreignTask + "/delete",
				"/weeks/" + foreignWeek + "/edit", "/weeks/" + foreignWeek + "/tasks/new")) {
			this.mvc.perform(admin(get(this.base + path))).andExpect(status().isNotFound());
		}
		this.mvc
			.perform(admin(post(this.base + "/tasks/" + foreignTask + "/edit")).param("text", "Hijacked")
				.param("version", String.valueOf(version)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(admin(post(this.base + "/tasks/" + foreignTask + "/delete")).param("version",
					String.valueOf(version)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(admin(post(this.base + "/tasks/" + foreignTask + "/move")).param("direction", "UP")
				.param("version", String.valueOf(version)))
			.andExpect(status().isNotFound());
		this.mvc.perform(admin(get("/admin/curricula/no-such-curriculum"))).andExpect(status().isNotFound());
		assertThat(this.fixtures.taskId(other, "Task A")).isEqualTo(foreignTask);
		assertThat(this.fixtures.version(this.slug)).isEqualTo(version);
	}

	private void move(String parts, long id, String direction, long version) throws Exception {
		this.mvc
			.perform(admin(post(this.base + "/" + parts + "/" + id + "/move")).param("direction", direction)
				.param("version", String.valueOf(version)))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "admin.curriculum.moved"));
		assertThat(this.fixtures.version(this.slug)).isEqualTo(version + 1);
	}

	private MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request) {
		return request.with(fullLogin(this.admin)).with(csrf()).accept(MediaType.TEXT_HTML);
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return Jsoup.parse(this.mvc.perform(admin(request))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}
