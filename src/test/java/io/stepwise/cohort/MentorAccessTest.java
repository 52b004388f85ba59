package io.stepwise.cohort;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who reaches which mentor page: the cohort's mentor and admins; another mentor, a
 * learner or a visitor never; and a learner outside the cohort is not found, even under a
 * cohort the mentor may see. Scope comes from the database on every request.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ CohortFixtures.class })
class MentorAccessTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CohortFixtures fixture;

	@Autowired
	JdbcTemplate jdbc;

	Cohort cohort;

	AccountUser mentor;

	AccountUser learner;

	AccountUser otherMentor;

	AccountUser outsider;

	@BeforeEach
	void cohorts() {
		this.cohort = this.fixture.cohort(2);
		this.mentor = this.fixture.mentorOf(this.cohort);
		this.learner = this.fixture.learnerIn(this.cohort);
		Cohort other = this.fixture.cohort(2);
		this.otherMentor = this.fixture.mentorOf(other);
		this.outsider = this.fixture.learnerIn(other);
	}

	private List<String> pages() {
		String base = "/mentor/cohorts/" + this.cohort.getId();
		return List.of(base, base + "?behind=true", base + "/export.csv",
				base + "/learners/" + this.learner.getUsername());
	}

	@Test
	void mentorOfTheCohortAndAdminsSeeEveryPage() throws Exception {
		for (String path : pages()) {
			this.mvc.perform(get(path).with(user(this.mentor))).andExpect(status().isOk());
			this.mvc.perform(get(path).with(fullLogin(this.fixture.admin()))).andExpect(status().isOk());
		}
		this.mvc.perform(get("/mentor").with(user(this.mentor))).andExpect(status().isOk());
		this.mvc.perform(get("/mentor/reviews").with(user(this.mentor))).andExpect(status().isOk());
	}

	@Test
	void anotherMentorGetsNotFoundForEveryPage() throws Exception {
		for (String path : pages()) {
			this.mvc.perform(get(path).with(user(this.otherMentor))).andExpect(status().isNotFound());
		}
	}

	@Test
	void unknownCohortIsNotFoundLikeAForeignOne() throws Exception {
		this.mvc.perform(get("/mentor/cohorts/987654321").with(user(this.mentor))).andExpect(status().isNotFound());
	}

	@Test
	void learnerOutsideTheCohortIsNotFoundUnderTheMentorsOwnCohort() throws Exception {
		String base = "/mentor/cohorts/" + this.cohort.getId() + "/learners/";
		this.mvc.perform(get(base + this.outsider.getUsername()).with(user(this.mentor)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(base + "no-such-user").with(user(this.mentor))).andExpect(status().isNotFound());
		// By email the learner is not addressed at all on these pages.
		this.mvc.perform(get(base + this.learner.getUsername() + "@example.org").with(user(this.mentor)))
			.andExpect(status().isNotFound());
	}

	@Test
	void namesNoAccountCouldHaveAreNotFound() throws Exception {
		String base = "/mentor/cohorts/" + this.cohort.getId() + "/learners/";
		this.mvc.perform(get(base + "x".repeat(300)).with(user(this.mentor))).andExpect(status().isNotFound());
		this.mvc.perform(get(base + "a@b.org").with(user(this.mentor))).andExpect(status().isNotFound());
		// Encoded control and direction characters may be refused by the firewall first;
		// either way they are never an error of the portal's.
		for (String name : new String[] { "%00", "a%0Db", "%E2%80%AEadmin" }) {
			int status = this.mvc.perform(get(base + name).with(user(this.mentor)))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as(name).isIn(400, 404);
		}
		this.mvc.perform(get("/mentor/cohorts/not-a-number").with(user(this.mentor)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void learnersAndVisitorsAreKeptOut() throws Exception {
		List<String> all = new java.util.ArrayList<>(pages());
		all.add("/mentor");
		all.add("/mentor/reviews");
		for (String path : all) {
			this.mvc.perform(get(path).with(user(this.learner))).andExpect(status().isForbidden());
			this.mvc.perform(get(path).accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
		}
	}

	@Test
	void mentorRemovedFromTheCohortLosesItOnTheNextRequest() throws Exception {
		String path = "/mentor/cohorts/" + this.cohort.getId();
		this.mvc.perform(get(path).with(user(this.mentor))).andExpect(status().isOk());
		this.fixture.cohorts().removeMentor(this.cohort.getId(), this.mentor.getUsername());
		this.mvc.perform(get(path).with(user(this.mentor))).andExpect(status().isNotFound());
	}

	@Test
	void mentorWhoseRoleWasTakenAwayIsRefusedWithTheSameSession() throws Exception {
		this.jdbc.update("update app_user set role = 'LEARNER' where id = ?", this.mentor.id());
		// The session still says MENTOR; the database decides.
		for (String path : pages()) {
			this.mvc.perform(get(path).with(user(this.mentor))).andExpect(status().isForbidden());
		}
	}

	@Test
	void reviewsArePostedWithCsrfOnly() throws Exception {
		MockHttpServletRequestBuilder review = post("/mentor/cohorts/{id}/learners/{u}/evidence/{e}",
				this.cohort.getId(), this.learner.getUsername(), 1)
			.param("decision", "accept")
			.param("version", "0");
		this.mvc.perform(review.with(user(this.mentor))).andExpect(status().isForbidden());
		this.mvc.perform(review.with(user(this.otherMentor)).with(csrf())).andExpect(status().isNotFound());
		assertThat(this.jdbc.queryForObject(
				"select count(*) from evidence where reviewer_id is not null and learner_id = ?", Integer.class,
				this.learner.id()))
			.isZero();
	}

}
