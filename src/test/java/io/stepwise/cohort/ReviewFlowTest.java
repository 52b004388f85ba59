package io.stepwise.cohort;

import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.curriculum.CurriculumCatalog;
import io.stepwise.curriculum.CurriculumTree;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static io.stepwise.cohort.CohortFixtures.SYLLABUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Evidence from the learner's side to the mentor's review and back: what each sees, what
 * is stored, and what is refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ CohortFixtures.class })
class ReviewFlowTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CohortFixtures fixture;

	@Autowired
	CurriculumCatalog catalog;

	@Autowired
	JdbcTemplate jdbc;

	Cohort cohort;

	AccountUser mentor;

	AccountUser learner;

	long task;

	@BeforeEach
	void cohort() {
		this.cohort = this.fixture.cohort(1);
		this.mentor = this.fixture.mentorOf(this.cohort);
		this.learner = this.fixture.learnerIn(this.cohort);
		CurriculumTree syllabus = this.catalog.tree(SYLLABUS).orElseThrow();
		this.task = syllabus.week(1).orElseThrow().tasks().get(0).id();
	}

	@Test
	void evidenceGoesFromTheLearnerToTheMentorAndTheFeedbackBack() throws Exception {
		submit(this.learner, "https://github.com/ada/portfolio/tree/main/week1", "My first project")
			.andExpect(redirectedUrl("/curricula/" + SYLLABUS + "/weeks/1#item-" + this.task));
		Map<String, Object> stored = evidence();
		assertThat(stored).containsEntry("status", "SUBMITTED").containsEntry("note", "My first project");

		Document queue = page("/mentor/reviews", this.mentor);
		assertThat(queue.select("ol.list-unstyled li a").text()).contains(this.learner.getDisplayName(), "week 1");

		String learnerPage = "/mentor/cohorts/" + this.cohort.getId() + "/learners/" + this.learner.getUsername();
		Document page = page(learnerPage, this.mentor);
		assertThat(page.select("#evidence a[href^=https://github.com]").attr("rel")).isEqualTo("noopener noreferrer");
		review("changes", "Add a README", (long) stored.get("version"))
			.andExpect(redirectedUrl(learnerPage + "#evidence"));
		assertThat(evidence()).containsEntry("status", "CHANGES_REQUESTED")
			.containsEntry("feedback", "Add a README")
			.containsEntry("reviewer_id", this.mentor.id());
		assertThat(page("/mentor/reviews", this.mentor).select("ol.list-unstyled li")).isEmpty();

		// The learner sees the feedback on the task and on the dashboard, and sends
		// again.
		Document week = page("/curricula/" + SYLLABUS + "/weeks/1", this.learner);
		assertThat(week.select("#item-" + this.task).text()).contains("Changes requested", "Add a README");
		assertThat(page("/dashboard", this.learner).select("[aria-labelledby=feedback-heading]").text())
			.contains("Add a README", "Changes requested");
		submit(this.learner, "https://github.com/ada/portfolio/tree/main/week1", "With a README now")
			.andExpect(status().is3xxRedirection());
		Map<String, Object> resubmitted = evidence();
		assertThat(resubmitted).containsEntry("status", "SUBMITTED");

		review("accept", "", (long) resubmitted.get("version")).andExpect(status().is3xxRedirection());
		assertThat(evidence()).containsEntry("status", "ACCEPTED");
		// Accepted evidence is final.
		submit(this.learner, "https://example.org/other", "").andExpect(status().isConflict());
		assertThat(evidence()).containsEntry("url", "https://github.com/ada/portfolio/tree/main/week1");
	}

	@Test
	void reviewOfEvidenceChangedSinceItWasOpenedIsAConflictThatStoresNothing() throws Exception {
		submit(this.learner, "https://github.com/ada/p", "first").andExpect(status().is3xxRedirection());
		long seen = (long) evidence().get("version");
		submit(this.learner, "https://github.com/ada/p2", "second").andExpect(status().is3xxRedirection());
		review("accept", "", seen).andExpect(status().isConflict());
		assertThat(evidence()).containsEntry("status", "SUBMITTED").containsEntry("url", "https://github.com/ada/p2");
	}

	@Test
	void askingForChangesNeedsFeedback() throws Exception {
		submit(this.learner, "https://github.com/ada/p", "").andExpect(status().is3xxRedirection());
		Document page = Jsoup.parse(review("changes", "  ", (long) evidence().get("version")).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select(".invalid-feedback").text()).isEqualTo("Say what should change.");
		assertThat(evidence()).containsEntry("status", "SUBMITTED");
	}

	@Test
	void evidenceMustBeAWebLinkAndPlainText() throws Exception {
		for (String bad : new String[] { "javascript:alert(1)", "ftp://example.org/x", "github.com/ada", "" }) {
			submit(this.learner, bad, "").andExpect(status().isOk());
		}
		submit(this.learner, "https://github.com/ada", "bidi \u202E override").andExpect(status().isOk());
		submit(this.learner, "https://github.com/ada", "x".repeat(1001)).andExpect(status().isOk());
		assertThat(this.jdbc.queryForObject("select count(*) from evidence where learner_id = ?", Integer.class,
				this.learner.id()))
			.isZero();
	}

	@Test
	void evidenceIsRefusedForALockedWeekAndForSkills() throws Exception {
		CurriculumTree syllabus = this.catalog.tree(SYLLABUS).orElseThrow();
		long lockedTask = syllabus.week(3).orElseThrow().tasks().get(0).id();
		long skill = syllabus.week(1).orElseThrow().skills().get(0).id();
		this.mvc
			.perform(post("/curricula/{slug}/items/{id}/evidence", SYLLABUS, lockedTask).param("url", "https://x.org/a")
				.param("note", "")
				.with(user(this.learner))
				.with(csrf()))
			.andExpect(status().isConflict());
		this.mvc
			.perform(post("/curricula/{slug}/items/{id}/evidence", SYLLABUS, skill).param("url", "https://x.org/a")
				.param("note", "")
				.with(user(this.learner))
				.with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc.queryForObject("select count(*) from evidence where learner_id = ?", Integer.class,
				this.learner.id()))
			.isZero();
	}

	@Test
	void anotherLearnerNeverSeesTheEvidence() throws Exception {
		submit(this.learner, "https://github.com/ada/secret", "mine").andExpect(status().is3xxRedirection());
		AccountUser other = this.fixture.learnerIn(this.cohort);
		Document theirs = page("/curricula/" + SYLLABUS + "/items/" + this.task + "/evidence", other);
		assertThat(theirs.text()).doesNotContain("secret");
		assertThat(page("/curricula/" + SYLLABUS + "/weeks/1", other).text()).doesNotContain("secret");
	}

	private org.springframework.test.web.servlet.ResultActions submit(AccountUser who, String url, String note)
			throws Exception {
		return this.mvc.perform(post("/curricula/{slug}/items/{id}/evidence", SYLLABUS, this.task).param("url", url)
			.param("note", note)
			.with(user(who))
			.with(csrf()));
	}

	private org.springframework.test.web.servlet.ResultActions review(String decision, String feedback, long version)
			throws Exception {
		long id = (long) evidence().get("id");
		return this.mvc.perform(post("/mentor/cohorts/{c}/learners/{u}/evidence/{e}", this.cohort.getId(),
				this.learner.getUsername(), id)
			.param("decision", decision)
			.param("feedback", feedback)
			.param("version", Long.toString(version))
			.with(user(this.mentor))
			.with(csrf()));
	}

	private Map<String, Object> evidence() {
		return this.jdbc.queryForMap("select * from evidence where learner_id = ? and item_id = ?", this.learner.id(),
				this.task);
	}

	private Document page(String path, AccountUser who) throws Exception {
		return Jsoup.parse(this.mvc.perform(get(path).with(user(who)).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}
