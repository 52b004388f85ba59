package io.stepwise.cohort;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.stepwise.account.AccountDirectory;
import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.progress.Enrollments;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Mentors, admins and cohorts for tests, made through the real services. Every call makes
 * new users and cohorts with unique names, so tests sharing a database never see each
 * other's data. Import it with {@code @Import(CohortFixtures.class)}; it brings
 * {@link TestAccounts} along.
 */
@TestComponent
@Import(TestAccounts.class)
public class CohortFixtures {

	public static final String SYLLABUS = "django-24-week-syllabus";

	public static final String ROADMAP = "django-12-month-roadmap";

	private final TestAccounts accounts;

	private final AccountDirectory directory;

	private final CohortService cohorts;

	private final UserDetailsService users;

	private final JdbcTemplate jdbc;

	private final Enrollments enrollments;

	private final Clock clock;

	CohortFixtures(TestAccounts accounts, AccountDirectory directory, CohortService cohorts, UserDetailsService users,
			JdbcTemplate jdbc, Enrollments enrollments, Clock clock) {
		this.enrollments = enrollments;
		this.clock = clock;
		this.accounts = accounts;
		this.directory = directory;
		this.cohorts = cohorts;
		this.users = users;
		this.jdbc = jdbc;
	}

	public AccountUser learner() {
		return this.accounts.learner();
	}

	/** A new user with the MENTOR role, as an admin would make one. */
	public AccountUser mentor() {
		AccountUser learner = this.accounts.learner();
		this.directory.grantMentor(learner.id());
		return reload(learner);
	}

	/** A new administrator; only the bootstrap makes them, so it is stored directly. */
	public AccountUser admin() {
		AccountUser learner = this.accounts.learner();
		this.jdbc.update("update app_user set role = 'ADMIN' where id = ?", learner.id());
		return reload(learner);
	}

	/** The user as the database has them now, as a new login would see them. */
	public AccountUser reload(AccountUser user) {
		return (AccountUser) this.users.loadUserByUsername(user.getUsername());
	}

	/** A new cohort on the syllabus starting on the given day, with these mentors. */
	public TestCohort cohort(LocalDate startDate, AccountUser... mentors) {
		return cohort(SYLLABUS, startDate, mentors);
	}

	public TestCohort cohort(String curriculum, LocalDate startDate, AccountUser... mentors) {
		String name = "Cohort " + UUID.randomUUID().toString().substring(0, 13);
		Cohort cohort = this.cohorts.create(new CreateCohort(name, curriculum, startDate));
		for (AccountUser mentor : mentors) {
			this.cohorts.addMentor(cohort.getId(), mentor.getUsername());
		}
		return new TestCohort(cohort.getId(), cohort.getName(), cohort.getInviteCode(), curriculum, startDate);
	}

	/** Adds the learner to the cohort as an admin does: enrolled unless already. */
	public void addLearner(TestCohort cohort, AccountUser learner) {
		this.cohorts.addLearner(cohort.id(), learner.getUsername());
	}

	public void addMentor(TestCohort cohort, AccountUser mentor) {
		this.cohorts.addMentor(cohort.id(), mentor.getUsername());
	}

	/**
	 * A cohort on the syllabus that started the given number of weeks ago, no mentors
	 * yet.
	 */
	Cohort cohort(int weeksAgo) {
		return this.cohorts.create(new CreateCohort("Cohort " + UUID.randomUUID().toString().substring(0, 13), SYLLABUS,
				LocalDate.now(this.clock).minusWeeks(weeksAgo)));
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

	JdbcTemplate jdbc() {
		return this.jdbc;
	}

	CohortService cohorts() {
		return this.cohorts;
	}

	/** The cohort's invite code as stored now. */
	public String inviteCode(TestCohort cohort) {
		return this.jdbc.queryForObject("select invite_code from cohort where id = ?", String.class, cohort.id());
	}

	public record TestCohort(long id, String name, String inviteCode, String curriculum, LocalDate startDate) {
	}

}
