package io.stepwise.cohort;

import org.junit.jupiter.api.Test;

import io.stepwise.account.AccountUser;
import io.stepwise.support.StatementCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A cohort's page, its CSV and its progress in the API are read in the same number of
 * statements for 5 learners as for 500, whatever their history. Subclasses pick the
 * database.
 */
abstract class MentorStatementChecks {

	/**
	 * The cohort page: the session's check of the viewer's account, made on every
	 * logged-in request (1), the viewer's account for their scope (1), the cohort in
	 * their scope (1) and its mentors (1), its learners (1), the accounts of learners and
	 * mentors (1), the curriculum's version (1) and its tree by id (8, when not cached:
	 * each count here empties the caches first), and the learners' standings:
	 * enrollments, check-offs, finished weeks, last activity and reviews waiting (5).
	 */
	static final long COHORT_PAGE_STATEMENTS = 20;

	/**
	 * The CSV and the API's progress call: as the page without the mentors' names (19),
	 * and the standings read a second time, in the order found, as the rows go out (5),
	 * so that only slim summaries are held while sorting.
	 */
	static final long COHORT_CSV_STATEMENTS = 24;

	@Autowired
	MockMvc mvc;

	@Autowired
	CohortFixtures fixture;

	@Autowired
	StatementCounter statements;

	@Test
	void cohortPageAndCsvCostTheSameForFiveAndFiveHundredLearners() throws Exception {
		Cohort small = this.fixture.cohort(4);
		AccountUser mentor = this.fixture.mentorOf(small);
		BulkLearners.add(this.fixture, small, 5);
		Cohort large = this.fixture.cohort(4);
		this.fixture.cohorts().addMentor(large.getId(), mentor.getUsername());
		BulkLearners.add(this.fixture, large, 500);

		assertThat(count("/mentor/cohorts/" + small.getId(), mentor)).isEqualTo(COHORT_PAGE_STATEMENTS);
		assertThat(count("/mentor/cohorts/" + large.getId(), mentor)).isEqualTo(COHORT_PAGE_STATEMENTS);
		assertThat(count("/mentor/cohorts/" + large.getId() + "?behind=true&sort=-progress&page=3", mentor))
			.isEqualTo(COHORT_PAGE_STATEMENTS);
		assertThat(count("/mentor/cohorts/" + small.getId() + "/export.csv", mentor)).isEqualTo(COHORT_CSV_STATEMENTS);
		assertThat(count("/mentor/cohorts/" + large.getId() + "/export.csv", mentor)).isEqualTo(COHORT_CSV_STATEMENTS);
		assertThat(count("/api/v1/cohorts/" + small.getId() + "/progress", mentor)).isEqualTo(COHORT_CSV_STATEMENTS);
		assertThat(count("/api/v1/cohorts/" + large.getId() + "/progress?behind=true", mentor))
			.isEqualTo(COHORT_CSV_STATEMENTS);
	}

	private long count(String path, AccountUser mentor) throws Exception {
		this.statements.reset();
		this.mvc.perform(get(path).with(user(mentor))).andExpect(status().isOk());
		return this.statements.total();
	}

}
