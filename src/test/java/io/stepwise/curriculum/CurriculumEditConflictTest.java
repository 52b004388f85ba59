package io.stepwise.curriculum;

import io.stepwise.account.AccountUser;
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
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.stepwise.support.FullLogin.fullLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two admins editing one curriculum: whoever saves second on a form loaded at an older
 * version gets a 409 page that keeps their input and shows what is stored now, and
 * nothing of theirs is written until they save again on top of it. Saves that race each
 * other are in {@link CurriculumEditConcurrencyChecks}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(EditingFixtures.class)
class CurriculumEditConflictTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	EditingFixtures fixtures;

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
	void aStaleTaskEditIsAConflictThatKeepsTheInputAndShowsWhatIsStoredNow() throws Exception {
		long taskA = this.fixtures.taskId(this.slug, "Task A");
		long opened = this.fixtures.version(this.slug);
		save(post(this.base + "/tasks/" + taskA + "/edit").param("text", "Task A, by the other admin"), opened);
		int audited = this.fixtures.audit(this.slug).size();

		Document conflict = conflict(
				post(this.base + "/tasks/" + taskA + "/edit").param("text", "Mine").param("version", "" + opened));
		assertThat(conflict.select("#task-text").val()).isEqualTo("Mine");
		assertThat(conflict.select("input[name=version]").val()).isEqualTo(String.valueOf(opened + 1));
		assertThat(conflict.select("[role=alert]").text()).contains("Someone changed this curriculum",
				"You opened version " + opened, "version " + (opened + 1) + " now");
		assertThat(conflict.select("section[aria-labelledby=stored-heading]").text())
			.contains("Task A, by the other admin", "Differs from yours");
		assertThat(this.fixtures.taskId(this.slug, "Task A, by the other admin")).isEqualTo(taskA);
		assertThat(this.fixtures.version(this.slug)).isEqualTo(opened + 1);
		assertThat(this.fixtures.audit(this.slug)).hasSize(audited);

		// Saving the kept input again goes on top of what is stored now.
		save(post(this.base + "/tasks/" + taskA + "/edit").param("text", "Mine"), opened + 1);
		assertThat(this.fixtures.taskId(this.slug, "Mine")).isEqualTo(taskA);
	}

	@Test
	void anEditAnywhereInTheCurriculumMakesEveryOlderFormStale() throws Exception {
		long opened = this.fixtures.version(this.slug);
		save(post(this.base + "/tasks/" + this.fixtures.taskId(this.slug, "Task E") + "/edit").param("text", "E2"),
				opened);

		Document details = conflict(post(this.base + "/edit").param("title", "Editing test")
			.param("intro", "Learn *something*.")
			.param("plannedWeeks", "13")
			.param("version", "" + opened));
		assertThat(details.select("#curriculum-plannedWeeks").val()).isEqualTo("13");
		// What is stored is shown; only the value the admin changed differs from theirs.
		assertThat(details.select("section[aria-labelledby=stored-heading] dd").eachText())
			.containsExactly("Editing test", "12 Differs from yours", "Learn *something*.");

		WeekView first = this.fixtures.week(this.slug, 1);
		Document skill = conflict(post(this.base + "/weeks/" + first.id() + "/skills/new").param("name", "Delta")
			.param("description", "")
			.param("version", "" + opened));
		assertThat(skill.select("#skill-name").val()).isEqualTo("Delta");
		assertThat(skill.select("section[aria-labelledby=stored-heading]").text()).contains("Week 1 holds now",
				"Alpha · Beta", "Task A · Task B · Task C", "Docs");

		long phase = this.fixtures.tree(this.slug).phases().get(0).id();
		Document phasePage = conflict(post(this.base + "/phases/" + phase + "/edit").param("title", "Renamed")
			.param("goal", "Get going")
			.param("monthFrom", "1")
			.param("monthTo", "1")
			.param("version", "" + opened));
		assertThat(phasePage.select("#phase-title").val()).isEqualTo("Renamed");

		Document week = conflict(post(this.base + "/weeks/" + first.id() + "/edit").param("title", "Renamed")
			.param("phase", "" + phase)
			.param("version", "" + opened));
		assertThat(week.select("#week-title").val()).isEqualTo("Renamed");

		long docs = first.resources().get(0).id();
		Document resource = conflict(post(this.base + "/resources/" + docs + "/edit").param("title", "Docs")
			.param("url", "https://example.org/new")
			.param("kind", "BOOK")
			.param("description", "")
			.param("version", "" + opened));
		assertThat(resource.select("#resource-url").val()).isEqualTo("https://example.org/new");
		assertThat(resource.select("section[aria-labelledby=stored-heading] dd").eachText()).containsExactly("Docs",
				"https://example.org/docs Differs from yours", "Docs Differs from yours", "(empty)");

		// A form without a version counts as stale.
		conflict(post(this.base + "/weeks/" + first.id() + "/tasks/new").param("text", "No version"));

		assertThat(this.fixtures.version(this.slug)).isEqualTo(opened + 1);
		CurriculumTree tree = this.fixtures.tree(this.slug);
		assertThat(tree.title()).isEqualTo("Editing test");
		assertThat(tree.plannedWeeks()).isEqualTo(12);
		assertThat(tree.week(1).orElseThrow().skills()).hasSize(2);
		assertThat(tree.week(1).orElseThrow().tasks()).hasSize(3);
		assertThat(tree.week(1).orElseThrow().title()).isEqualTo("Basics");
	}

	@Test
	void staleMovesAndRemovalsChangeNothing() throws Exception {
		long opened = this.fixtures.version(this.slug);
		long taskB = this.fixtures.taskId(this.slug, "Task B");
		save(post(this.base + "/tasks/" + this.fixtures.taskId(this.slug, "Task E") + "/edit").param("text", "E2"),
				opened);

		Document outline = conflict(
				post(this.base + "/tasks/" + taskB + "/move").param("direction", "UP").param("version", "" + opened));
		assertThat(outline.select("h1").text()).isEqualTo("Editing test");
		assertThat(outline.select("form[action$=/move] input[name=version]").eachAttr("value"))
			.containsOnly(String.valueOf(opened + 1));
		Document removal = conflict(post(this.base + "/tasks/" + taskB + "/delete").param("version", "" + opened));
		assertThat(removal.select("form[action$=/delete] input[name=version]").val())
			.isEqualTo(String.valueOf(opened + 1));

		assertThat(this.fixtures.week(this.slug, 1).tasks()).extracting(TaskView::text)
			.containsExactly("Task A", "Task B", "Task C");
		assertThat(this.fixtures.version(this.slug)).isEqualTo(opened + 1);
	}

	private void save(MockHttpServletRequestBuilder request, long version) throws Exception {
		this.mvc.perform(admin(request.param("version", String.valueOf(version))))
			.andExpect(status().is3xxRedirection());
	}

	private Document conflict(MockHttpServletRequestBuilder request) throws Exception {
		return Jsoup.parse(this.mvc.perform(admin(request))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request) {
		return request.with(fullLogin(this.admin)).with(csrf()).accept(MediaType.TEXT_HTML);
	}

}
