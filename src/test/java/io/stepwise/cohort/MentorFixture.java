package io.stepwise.cohort;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.progress.Enrollments;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Cohorts, mentors and learners for tests, made through the real services. Names are
 * unique per call, so tests sharing a database never see each other's cohorts.
 */
@TestComponent
class MentorFixture {

	static final String SYLLABUS = "django-24-week-syllabus";

	static final String ROADMAP = "django-12-month-roadmap";

	private final CohortService cohorts;

	private final TestAccounts accounts;

	private final UserDetailsService users;

	private final Clock clock;

	private final JdbcTemplate jdbc;

	private final Enrollments enrollments;

	MentorFixture(CohortService cohorts, TestAccounts accounts, UserDetailsService users, Clock clock,
			JdbcTemplate jdbc, Enrollments enrollments) {
		this.enrollments = enrollments;
		this.cohorts = cohorts;
		this.accounts = accounts;
		this.users = users;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	JdbcTemplate jdbc() {
		return this.jdbc;
	}

	CohortService cohorts() {
		return this.cohorts;
	}

	/** A cohort on the syllabus that started the given number of weeks ago. */
	Cohort cohort(int weeksAgo) {
		return cohort(SYLLABUS, LocalDate.now(this.clock).minusWeeks(weeksAgo));
	}

	Cohort cohort(String slug, LocalDate start) {
		return this.cohorts
			.create(new CreateCohort("Cohort " + UUID.randomUUID().toString().substring(0, 8), slug, start));
	}

	/** A new user made mentor of the cohort, as their session would hold them. */
	AccountUser mentorOf(Cohort cohort) {
		AccountUser user = this.accounts.learner();
		this.cohorts.addMentor(cohort.getId(), user.getUsername());
		return reload(user);
	}

	/** A new learner in the cohort, enrolled with its start date. */
	AccountUser learnerIn(Cohort cohort) {
		AccountUser learner = this.accounts.learner();
		this.cohorts.addLearner(cohort.getId(), learner.getUsername());
		return learner;
	}

	/**
	 * A new learner in the cohort who enrolled at the given moment, so that nothing of
	 * theirs happened since.
	 */
	AccountUser learnerIn(Cohort cohort, Instant enrolledAt) {
		AccountUser learner = this.accounts.learner();
		this.enrollments.enrollIfAbsent(learner.id(), cohort.getCurriculumId(), cohort.getStartDate(), enrolledAt);
		this.cohorts.addLearner(cohort.getId(), learner.getUsername());
		return learner;
	}

	AccountUser admin() {
		return (AccountUser) this.users.loadUserByUsername("admin");
	}

	AccountUser reload(AccountUser user) {
		return (AccountUser) this.users.loadUserByUsername(user.getUsername());
	}

}
