package io.stepwise.cohort;

import java.time.LocalDate;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.cohort.CohortFixtures.TestCohort;
import io.stepwise.support.StatementCounter;
import io.stepwise.support.StatementCounting;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static io.stepwise.support.FullLogin.fullLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin pages of cohorts cost the same number of SQL statements however many cohorts,
 * mentors and learners there are. (Configured like PageAccessibilityTest, so the two
 * share one application context.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ StatementCounting.class, TestAccounts.class, CohortFixtures.class })
class CohortAdminStatementsTest {

	/**
	 * Every page below starts with the session's check of the admin's account, made on
	 * every logged-in request.
	 */
	static final long SESSION_CHECK = 1;

	/** The cohort count and the curricula. */
	static final long HOME = SESSION_CHECK + 2;

	/**
	 * The cohorts with their mentors (one join), their sizes (one grouped count), the
	 * mentors' accounts, the curricula's names, and the curricula for the form.
	 */
	static final long LIST = SESSION_CHECK + 5;

	/**
	 * The cohort with its mentors, its curriculum's name, its learners' ids, the mentors'
	 * accounts and the learners' accounts.
	 */
	static final long COHORT = SESSION_CHECK + 5;

	private static final LocalDate START = LocalDate.of(2027, 3, 1);

	@Autowired
	MockMvc mvc;

	@Autowired
	StatementCounter statements;

	@Autowired
	CohortFixtures fixtures;

	@Test
	void theAdminHomeIssuesAFixedNumberOfStatements() throws Exception {
		AccountUser admin = this.fixtures.admin();
		this.fixtures.cohort(START);
		assertThat(statementsFor("/admin", admin)).isEqualTo(HOME);
	}

	@Test
	void theCohortListIssuesAFixedNumberOfStatementsWhateverItHolds() throws Exception {
		AccountUser admin = this.fixtures.admin();
		TestCohort first = this.fixtures.cohort(START, this.fixtures.mentor());
		this.fixtures.addLearner(first, this.fixtures.learner());
		assertThat(statementsFor("/admin/cohorts", admin)).isEqualTo(LIST);
		for (int i = 0; i < 3; i++) {
			TestCohort more = this.fixtures.cohort(CohortFixtures.ROADMAP, START, this.fixtures.mentor(),
					this.fixtures.mentor());
			this.fixtures.addLearner(more, this.fixtures.learner());
			this.fixtures.addLearner(more, this.fixtures.learner());
		}
		assertThat(statementsFor("/admin/cohorts", admin)).isEqualTo(LIST);
	}

	@Test
	void theCohortPageIssuesAFixedNumberOfStatementsWhateverItsSize() throws Exception {
		AccountUser admin = this.fixtures.admin();
		TestCohort cohort = this.fixtures.cohort(START, this.fixtures.mentor());
		this.fixtures.addLearner(cohort, this.fixtures.learner());
		assertThat(statementsFor("/admin/cohorts/" + cohort.id(), admin)).isEqualTo(COHORT);
		this.fixtures.addMentor(cohort, this.fixtures.mentor());
		for (int i = 0; i < 5; i++) {
			this.fixtures.addLearner(cohort, this.fixtures.learner());
		}
		assertThat(statementsFor("/admin/cohorts/" + cohort.id(), admin)).isEqualTo(COHORT);
	}

	private long statementsFor(String path, AccountUser admin) throws Exception {
		this.statements.reset();
		this.mvc.perform(get(path).with(fullLogin(admin))).andExpect(status().isOk());
		return this.statements.total();
	}

}
