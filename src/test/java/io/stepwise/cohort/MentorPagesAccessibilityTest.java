package io.stepwise.cohort;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.curriculum.CurriculumCatalog;
import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.progress.Enrollments;
import io.stepwise.support.AccessibilityChecks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static io.stepwise.cohort.CohortFixtures.SYLLABUS;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The mentor's pages, and the learner's evidence pages, pass the structural accessibility
 * and validity checks, empty and filled.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ CohortFixtures.class })
class MentorPagesAccessibilityTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CohortFixtures fixture;

	@Autowired
	Enrollments enrollments;

	@Autowired
	CurriculumCatalog catalog;

	@TestFactory
	Stream<DynamicTest> mentorAndEvidencePages() throws Exception {
		CurriculumTree syllabus = this.catalog.tree(SYLLABUS).orElseThrow();
		Cohort cohort = this.fixture.cohort(3);
		AccountUser mentor = this.fixture.mentorOf(cohort);
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("cohorts, empty cohort", page("/mentor", mentor));
		pages.put("cohort, no learners", page("/mentor/cohorts/" + cohort.getId(), mentor));
		pages.put("reviews, none", page("/mentor/reviews", mentor));

		AccountUser learner = this.fixture.learnerIn(cohort);
		this.fixture.learnerIn(cohort);
		long task = syllabus.week(1).orElseThrow().tasks().get(0).id();
		this.enrollments.checkOffAt(learner.id(), syllabus.id(), task, Instant.now().minus(Duration.ofDays(1)));
		String evidence = "/curricula/" + SYLLABUS + "/items/" + task + "/evidence";
		pages.put("evidence, none yet", page(evidence, learner));
		this.mvc.perform(
				post(evidence).param("url", "javascript:alert(1)").param("note", "").with(user(learner)).with(csrf()))
			.andExpect(status().isOk());
		pages.put("evidence, with errors", this.mvc.perform(
				post(evidence).param("url", "nope").param("note", "x".repeat(1200)).with(user(learner)).with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString());
		this.mvc
			.perform(post(evidence).param("url", "https://github.com/ada/p")
				.param("note", "<b>mine</b>")
				.with(user(learner))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		pages.put("evidence, sent", page(evidence, learner));
		pages.put("week with evidence", page("/curricula/" + SYLLABUS + "/weeks/1", learner));

		pages.put("cohorts, filled", page("/mentor", mentor));
		pages.put("cohort, filled", page("/mentor/cohorts/" + cohort.getId(), mentor));
		pages.put("cohort, filtered",
				page("/mentor/cohorts/" + cohort.getId() + "?behind=true&sort=-progress", mentor));
		pages.put("learner", page("/mentor/cohorts/" + cohort.getId() + "/learners/" + learner.getUsername(), mentor));
		pages.put("reviews, waiting", page("/mentor/reviews", mentor));
		return pages.entrySet()
			.stream()
			.map((entry) -> DynamicTest.dynamicTest(entry.getKey(),
					() -> AccessibilityChecks.assertAccessible(entry.getKey(), entry.getValue())));
	}

	private String page(String path, AccountUser user) throws Exception {
		return this.mvc.perform(get(path).with(user(user)).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
