package io.stepwise.curriculum;

import java.util.List;
import java.util.Map;

import io.stepwise.account.AccountUser;
import io.stepwise.curriculum.CurriculumTree.ResourceView;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each editing screen: a valid save changes what is stored and moves the curriculum's
 * version up by exactly one, with an audit entry; refused input comes back with the field
 * marked and stores nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(EditingFixtures.class)
class CurriculumEditScreensTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	EditingFixtures fixtures;

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
	void listAndOutlineShowTheCurriculumWithItsVersionAndParts() throws Exception {
		Document list = page(get("/admin/curricula"));
		assertThat(list.select("a[href=" + this.base + "]").text()).contains("Editing test");
		Document outline = page(get(this.base));
		assertThat(outline.select("h1").text()).isEqualTo("Editing test");
		assertThat(outline.select("main").text()).contains("Version " + this.fixtures.version(this.slug),
				"Phase 1: First phase", "Phase 2: Second phase", "Week 1: Basics", "Alpha", "Task C", "Docs",
				"https://example.org/docs");
		// Every move is a form that posts the version the page shows.
		assertThat(outline.select("form[action$=/move] input[name=version]").eachAttr("value"))
			.containsOnly(String.valueOf(this.fixtures.version(this.slug)));
		assertThat(outline.select("form[action$=/move] button[name=direction]")).isNotEmpty();
	}

	@Test
	void detailsSaveTitleIntroAndPlannedWeeks() throws Exception {
		long version = this.fixtures.version(this.slug);
		Document form = page(get(this.base + "/edit"));
		assertThat(form.select("input[name=version]").val()).isEqualTo(String.valueOf(version));
		assertThat(form.select("#curriculum-title").val()).isEqualTo("Editing test");

		this.mvc
			.perform(admin(post(this.base + "/edit")).param("title", "  Renamed  ")
				.param("intro", "New *intro*\r\nwith two lines")
				.param("plannedWeeks", "20")
				.param("version", String.valueOf(version)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(this.base))
			.andExpect(flash().attribute("message", "admin.curriculum.details.saved"));

		Map<String, Object> row = this.jdbc
			.queryForMap("select title, intro, planned_weeks from curriculum where slug = ?", this.slug);
		assertThat(row).containsEntry("title", "Renamed")
			.containsEntry("intro", "New *intro*\nwith two lines")
			.containsEntry("planned_weeks", 20);
		assertThat(this.fixtures.version(this.slug)).isEqualTo(version + 1);
		assertThat(this.fixtures.tree(this.slug).introHtml()).contains("<em>intro</em>");
		Map<String, Object> entry = this.fixtures.audit(this.slug).get(0);
		assertThat(entry).containsEntry("actor_name", "admin")
			.containsEntry("area", "curriculum")
			.containsEntry("action", "curriculum.edited")
			.containsEntry("subject", this.slug);
		assertThat((String) entry.get("before_text")).contains("Title: Editing test", "Planned weeks: 12",
				"Learn *something*.");
		assertThat((String) entry.get("after_text")).contains("Title: Renamed", "Planned weeks: 20");
	}

	@Test
	void detailsRefuseBlankTitleTooManyWeeksAndTooLongIntro() throws Exception {
		long version = this.fixtures.version(this.slug);
		Document page = page(admin(post(this.base + "/edit")).param("title", " ")
			.param("intro", "x".repeat(ContentLimits.INTRO + 1))
			.param("plannedWeeks", "0")
			.param("version", String.valueOf(version)));
		assertThat(page.select("#curriculum-title-errors").text()).isEqualTo("Enter a title.");
		assertThat(page.select("#curriculum-intro-errors").text()).isEqualTo("Use at most 20,000 characters.");
		assertThat(page.select("#curriculum-plannedWeeks-errors").text())
			.isEqualTo("Enter a number of weeks from 1 to 520.");
		assertThat(page.select("#curriculum-title").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.select("[role=alert]").text()).contains("Please correct the fields marked below.");
		page = page(admin(post(this.base + "/edit")).param("title", "Fine")
			.param("intro", "")
			.param("plannedWeeks", "many")
			.param("version", String.valueOf(version)));
		assertThat(page.select("#curriculum-plannedWeeks-errors").text()).isEqualTo("Enter a whole number of weeks.");
		assertUnchanged(version);
		assertThat(this.jdbc.queryForObject("select title from curriculum where slug = ?", String.class, this.slug))
			.isEqualTo("Editing test");
	}

	@Test
	void phasesAreAddedAtTheEndAndEdited() throws Exception {
		long version = this.fixtures.version(this.slug);
		this.mvc
			.perform(admin(post(this.base + "/phases/new")).param("title", "Third phase")
				.param("goal", "Finish")
				.param("monthFrom", "4")
				.param("monthTo", "6")
				.param("version", String.valueOf(version)))
			.andExpect(status().is3xxRedirection());
		CurriculumTree tree = this.fixtures.tree(this.slug);
		assertThat(tree.phases()).extracting(CurriculumTree.PhaseView::title)
			.containsExactly("First phase", "Second phase", "Third phase");
		assertThat(tree.phases().get(2).months()).isEqualTo(new MonthSpan(4, 6));
		assertThat(this.fixtures.version(this.slug)).isEqualTo(version + 1);
		assertThat(this.fixtures.audit(this.slug).get(0)).containsEntry("action", "phase.added")
			.containsEntry("subject", this.slug + ", phase 3");

		long first = tree.phases().get(0).id();
		assertThat(page(get(this.base + "/phases/" + first + "/edit")).select("#phase-title").val())
			.isEqualTo("First phase");
		this.mvc
			.perform(admin(post(this.base + "/phases/" + first + "/edit")).param("title", "Start")
				.param("goal", "")
				.param("monthFrom", "1")
				.param("monthTo", "2")
				.param("version", String.valueOf(version + 1)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(this.base + "#phase-" + first));
		CurriculumTree.PhaseView edited = this.fixtures.tree(this.slug).phases().get(0);
		assertThat(edited.id()).isEqualTo(first);
		assertThat(edited.title()).isEqualTo("Start");
		assertThat(edited.goal()).isEmpty();
		assertThat(edited.months()).isEqualTo(new MonthSpan(1, 2));
		assertThat(this.fixtures.version(this.slug)).isEqualTo(version + 2);
	}

	@Test
	void phaseMonthsMustBeInOrderAndInRange() throws Exception {
		long version = this.fixtures.version(this.slug);
		Document page = page(admin(post(this.base + "/phases/new")).param("title", "Backwards")
			.param("goal", "")
			.param("monthFrom", "5")
			.param("monthTo", "3")
			.param("version", String.valueOf(version)));
		assertThat(page.select("#phase-monthTo-errors").text())
			.isEqualTo("The last month cannot come before the first.");
		page = page(admin(post(this.base + "/phases/new")).param("title", "")
			.param("goal", "")
			.param("monthFrom", "0")
			.param("monthTo", "2")
			.param("version", String.valueOf(version)));
		assertThat(page.select("#phase-title-errors").text()).isEqualTo("Enter a title for the phase.");
		assertThat(page.select("#phase-monthFrom-errors").text()).isEqualTo("Enter a month from 1 to 120.");
		// A value that is not a number at all is refused before the other rules are
		// checked.
		page = page(admin(post(this.base + "/phases/new")).param("title", "Fine")
			.param("goal", "")
			.param("monthFrom", "1")
			.param("monthTo", "x")
			.param("version", String.valueOf(version)));
		assertThat(page.select("#phase-monthTo-errors").text()).isEqualTo("Enter the number of a month, such as 3.");
		assertUnchanged(version);
		assertThat(this.fixtures.tree(this.slug).phases()).hasSize(2);
	}

	@Test
	void aWeekAddedToTheFirstPhaseComesAtItsEndAndTheWeeksAfterKeepTheirIds() throws Exception {
		long version = this.fixtures.version(this.slug);
		CurriculumTree before = this.fixtures.tree(this.slug);
		long firstPhase = before.phases().get(0).id();
		long last = before.week(3).orElseThrow().id();
		assertThat(page(get(this.base + "/weeks/new?phase=" + firstPhase)).select("#week-phase option[selected]").val())
			.isEqualTo(String.valueOf(firstPhase));
		this.mvc
			.perform(admin(post(this.base + "/weeks/new")).param("title", "Extra")
				.param("phase", String.valueOf(firstPhase))
				.param("version", String.valueOf(version)))
			.andExpect(status().is3xxRedirection());
		CurriculumTree after = this.fixtures.tree(this.slug);
		assertThat(after.weeks()).extracting(WeekView::title).containsExactly("Basics", "More", "Extra", "Last");
		assertThat(after.week(4).orElseThrow().id()).isEqualTo(last);
		assertThat(after.week(3).orElseThrow().phaseId()).isEqualTo(firstPhase);
		assertThat(this.fixtures.version(this.slug)).isEqualTo(version + 1);
		assertThat(this.fixtures.audit(this.slug).get(0)).containsEntry("action", "week.added")
			.containsEntry("subject", this.slug + ", week 3");
	}

	@Test
	void aWeekIsRenamedAndMovedToAnotherPhaseKeepingItsId() throws Exception {
		long version = this.fixtures.version(this.slug);
		CurriculumTree before = this.fixtures.tree(this.slug);
		WeekView second = before.week(2).orElseThrow();
		long laterPhase = before.phases().get(1).id();
		this.mvc
			.perform(admin(post(this.base + "/weeks/" + second.id() + "/edit")).param("title", "Moved")
				.param("phase", String.valueOf(laterPhase))
				.param("version", String.valueOf(version)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(this.base + "#week-" + second.id()));
		CurriculumTree after = this.fixtures.tree(this.slug);
		// Moved to a later phase, it is that phase's first week: its number stays.
		assertThat(after.phases().get(1).weeks()).extracting(WeekView::id)
			.containsExactly(second.id(), before.week(3).orElseThrow().id());
		assertThat(after.week(2).orElseThrow().title()).isEqualTo("Moved");
		assertThat(this.fixtures.version(this.slug)).isEqualTo(version + 1);
		Map<String, Object> entry = this.fixtures.audit(this.slug).get(0);
		assertThat(entry).containsEntry("action", "week.edited");
		assertThat((String) entry.get("before_text")).contains("Week 2: More", "Phase 1: First phase");
		assertThat((String) entry.get("after_text")).contains("Week 2: Moved", "Phase 2: Second phase");

		// A phase of another curriculum is not one to choose.
		long otherPhase = this.fixtures.tree(this.fixtures.curriculum()).phases().get(0).id();
		this.mvc
			.perform(admin(post(this.base + "/weeks/" + second.id() + "/edit")).param("title", "Elsewhere")
				.param("phase", String.valueOf(otherPhase))
				.param("version", String.valueOf(version + 1)))
			.andExpect(status().isNotFound());
		assertUnchanged(version + 1);
	}

	@Test
	void skillsAreAddedAndEditedKeepingTheirIds() throws Exception {
		long version = this.fixtures.version(this.slug);
		WeekView week = this.fixtures.week(this.slug, 1);
		this.mvc
			.perform(admin(post(this.base + "/weeks/" + week.id() + "/skills/new")).param("name", "Delta")
				.param("description", "fourth")
				.param("version", String.valueOf(version)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(this.base + "#week-" + week.id()))
			.andExpect(flash().attribute("openWeek", week.id()));
		assertThat(this.fixtures.week(this.slug, 1).skills()).extracting(CurriculumTree.SkillView::name)
			.containsExactly("Alpha", "Beta", "Delta");

		long alpha = this.fixtures.skillId(this.slug, "Alpha");
		this.mvc
			.perform(admin(post(this.base + "/skills/" + alpha + "/edit")).param("name", "Alpha, renamed")
				.param("description", "")
				.param("version", String.valueOf(version + 1)))
			.andExpect(status().is3xxRedirection());
		CurriculumTree.SkillView renamed = this.fixtures.week(this.slug, 1).skills().get(0);
		assertThat(renamed.id()).isEqualTo(alpha);
		assertThat(renamed.name()).isEqualTo("Alpha, renamed");
		assertThat(renamed.description()).isEmpty();
		assertThat(this.fixtures.version(this.slug)).isEqualTo(version + 2);
		assertThat(this.fixtures.audit(this.slug).get(0)).containsEntry("action", "skill.edited")
			.containsEntry("subject", this.slug + ", week 1, skill 1");

		Document refused = page(admin(post(this.base + "/skills/" + alpha + "/edit")).param("name", " ")
			.param("description", "line\u202Eturned")
			.param("version", String.valueOf(version + 2)));
		assertThat(refused.select("#skill-name-errors").text()).isEqualTo("Enter the skill's name.");
		assertThat(refused.select("#skill-description-errors").text())
			.isEqualTo("Remove control characters and text-direction marks.");
		assertUnchanged(version + 2);
	}

	@Test
	void tasksAreAddedAndEditedKeepingTheirIds() throws Exception {
		long version = this.fixtures.version(this.slug);
		WeekView week = this.fixtures.week(this.slug, 2);
		assertThat(page(get(this.base + "/weeks/" + week.id() + "/tasks/new")).select("h1").text())
			.isEqualTo("Add a project task to week 2");
		this.mvc
			.perform(admin(post(this.base + "/weeks/" + week.id() + "/tasks/new")).param("text", "Task F")
				.param("version", String.valueOf(version)))
			.andExpect(status().is3xxRedirection());
		assertThat(this.fixtures.week(this.slug, 2).tasks()).extracting(CurriculumTree.TaskView::text)
			.containsExactly("Task D", "Task F");
		assertThat(this.fixtures.week(this.slug, 2).tasks().get(1).position()).isEqualTo(2);

		long taskD = this.fixtures.taskId(this.slug, "Task D");
		assertThat(page(get(this.base + "/tasks/" + taskD + "/edit")).select("#task-text").val()).isEqualTo("Task D");
		this.mvc
			.perform(admin(post(this.base + "/tasks/" + taskD + "/edit")).param("text", "Task D, clearer")
				.param("version", String.valueOf(version + 1)))
			.andExpect(status().is3xxRedirection());
		assertThat(this.fixtures.taskId(this.slug, "Task D, clearer")).isEqualTo(taskD);
		assertThat(this.fixtures.version(this.slug)).isEqualTo(version + 2);
		Map<String, Object> entry = this.fixtures.audit(this.slug).get(0);
		assertThat(entry).containsEntry("action", "task.edited")
			.containsEntry("subject", this.slug + ", week 2, task 1");
		assertThat((String) entry.get("before_text")).isEqualTo("Task 1 of Week 2: More\nText: Task D");
		assertThat((String) entry.get("after_text")).isEqualTo("Task 1 of Week 2: More\nText: Task D, clearer");

		Document refused = page(admin(post(this.base + "/tasks/" + taskD + "/edit"))
			.param("text", "x".repeat(ContentLimits.ITEM_TITLE + 1))
			.param("version", String.valueOf(version + 2)));
		assertThat(refused.select("#task-text-errors").text()).isEqualTo("Use at most 1,000 characters.");
		assertThat(refused.select("#task-text").val()).hasSize(ContentLimits.ITEM_TITLE + 1);
		assertUnchanged(version + 2);
	}

	@Test
	void resourcesAreAddedAndEditedWithWebLinksOnly() throws Exception {
		long version = this.fixtures.version(this.slug);
		WeekView week = this.fixtures.week(this.slug, 1);
		this.mvc
			.perform(admin(post(this.base + "/weeks/" + week.id() + "/resources/new")).param("title", "A book")
				.param("url", "")
				.param("kind", "BOOK")
				.param("description", "Chapter 2")
				.param("version", String.valueOf(version)))
			.andExpect(status().is3xxRedirection());
		List<ResourceView> resources = this.fixtures.week(this.slug, 1).resources();
		assertThat(resources).extracting(ResourceView::title).containsExactly("Docs", "A book");
		assertThat(resources.get(1).url()).isNull();
		assertThat(resources.get(1).kind()).isEqualTo(ResourceKind.BOOK);

		long docs = resources.get(0).id();
		for (String hostile : List.of("javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "//example.org",
				"https://exa mple.org")) {
			Document refused = page(admin(post(this.base + "/resources/" + docs + "/edit")).param("title", "Docs")
				.param("url", hostile)
				.param("kind", "DOCUMENT")
				.param("description", "")
				.param("version", String.valueOf(version + 1)));
			assertThat(refused.select("#resource-url-errors").text()).as(hostile)
				.isEqualTo("Enter a full web address starting with http:// or https://.");
		}
		Document refused = page(admin(post(this.base + "/resources/" + docs + "/edit")).param("title", "")
			.param("url", "")
			.param("kind", "BOOK")
			.param("description", "")
			.param("version", String.valueOf(version + 1)));
		assertThat(refused.select("#resource-title-errors").text()).isEqualTo("Enter the resource's title.");
		refused = page(admin(post(this.base + "/resources/" + docs + "/edit")).param("title", "Docs")
			.param("url", "")
			.param("kind", "VIDEO")
			.param("description", "")
			.param("version", String.valueOf(version + 1)));
		assertThat(refused.select("#resource-kind-errors").text()).isEqualTo("Choose a kind from the list.");
		assertUnchanged(version + 1);

		this.mvc
			.perform(admin(post(this.base + "/resources/" + docs + "/edit")).param("title", "Reference docs")
				.param("url", " HTTPS://docs.example.org/ref ")
				.param("kind", "REFERENCE")
				.param("description", "All of it")
				.param("version", String.valueOf(version + 1)))
			.andExpect(status().is3xxRedirection());
		ResourceView edited = this.fixtures.week(this.slug, 1).resources().get(0);
		assertThat(edited.id()).isEqualTo(docs);
		assertThat(edited.title()).isEqualTo("Reference docs");
		assertThat(edited.url()).isEqualTo("https://docs.example.org/ref");
		assertThat(edited.kind()).isEqualTo(ResourceKind.REFERENCE);
		assertThat(this.fixtures.version(this.slug)).isEqualTo(version + 2);
		assertThat((String) this.fixtures.audit(this.slug).get(0).get("after_text"))
			.contains("URL: https://docs.example.org/ref", "Kind: REFERENCE");
	}

	@Test
	void hostileTextFromAnEditIsShownAsTextOnThePublicPages() throws Exception {
		long version = this.fixtures.version(this.slug);
		String script = "<script>alert(1)</script>";
		long taskA = this.fixtures.taskId(this.slug, "Task A");
		this.mvc
			.perform(admin(post(this.base + "/tasks/" + taskA + "/edit")).param("text", script)
				.param("version", String.valueOf(version)))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(admin(post(this.base + "/edit")).param("title", "Title " + script)
				.param("intro", script + "\n\n[click](javascript:alert(2)) <img src=x onerror=alert(3)>")
				.param("plannedWeeks", "12")
				.param("version", String.valueOf(version + 1)))
			.andExpect(status().is3xxRedirection());
		for (String path : List.of("/curricula/" + this.slug, "/curricula/" + this.slug + "/weeks/1", this.base,
				this.base + "/edit")) {
			String html = this.mvc.perform(get(path).with(fullLogin(this.admin)).accept(MediaType.TEXT_HTML))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			Document page = Jsoup.parse(html);
			assertThat(html).as(path).doesNotContain(script, "<img");
			assertThat(page.select("script:not([src])")).as(path).isEmpty();
			assertThat(page.select("a[href*=javascript]")).as(path).isEmpty();
			assertThat(page.select("[onerror]")).as(path).isEmpty();
			assertThat(page.text()).as(path).contains("Title <script>alert(1)</script>");
		}
		assertThat(Jsoup
			.parse(this.mvc.perform(get("/curricula/" + this.slug + "/weeks/1").accept(MediaType.TEXT_HTML))
				.andReturn()
				.getResponse()
				.getContentAsString())
			.select("#tasks-heading + ol li")
			.first()
			.text()).contains(script);
	}

	private void assertUnchanged(long version) {
		assertThat(this.fixtures.version(this.slug)).isEqualTo(version);
	}

	private MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request) {
		return request.with(fullLogin(this.admin)).with(csrf()).accept(MediaType.TEXT_HTML);
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return Jsoup
			.parse(this.mvc.perform(request.with(fullLogin(this.admin)).with(csrf()).accept(MediaType.TEXT_HTML))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
	}

}
