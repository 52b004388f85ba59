package io.stepwise.demo;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.stepwise.account.AccountDirectory;
import io.stepwise.account.AccountService;
import io.stepwise.account.Member;
import io.stepwise.account.NewAccount;
import io.stepwise.account.PasswordPolicy;
import io.stepwise.account.Role;
import io.stepwise.cohort.Cohorts;
import io.stepwise.curriculum.CurriculumCatalog;
import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.curriculum.CurriculumTree.TaskView;
import io.stepwise.demo.DemoCast.Learner;
import io.stepwise.demo.DemoCast.Person;
import io.stepwise.demo.DemoCast.Review;
import io.stepwise.demo.DemoCast.Submission;
import io.stepwise.demo.DemoHistory.Plan;
import io.stepwise.progress.Enrollments;
import io.stepwise.progress.EvidenceReviews;
import io.stepwise.progress.EvidenceView;
import io.stepwise.progress.ReviewEvidence;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the demo cohort through the same services a mentor, an admin and the learners
 * would use, so the gate and the password rules apply to it too. It is all one
 * transaction: a failure leaves no half-made cohort behind.
 */
@Component
class DemoSeeder {

	private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	/** Seeds the history, not the passwords: every start replays the same spread. */
	private static final long HISTORY_SEED = 20_240_901L;

	private final AccountService accounts;

	private final AccountDirectory directory;

	private final PasswordPolicy passwordPolicy;

	private final CurriculumCatalog catalog;

	private final Cohorts cohorts;

	private final Enrollments enrollments;

	private final EvidenceReviews reviews;

	private final Clock clock;

	private final SecureRandom passwords = new SecureRandom();

	DemoSeeder(AccountService accounts, AccountDirectory directory, PasswordPolicy passwordPolicy,
			CurriculumCatalog catalog, Cohorts cohorts, Enrollments enrollments, EvidenceReviews reviews, Clock clock) {
		this.accounts = accounts;
		this.directory = directory;
		this.passwordPolicy = passwordPolicy;
		this.catalog = catalog;
		this.cohorts = cohorts;
		this.enrollments = enrollments;
		this.reviews = reviews;
		this.clock = clock;
	}

	/**
	 * Whether the demo mentor's name is taken: by an earlier seed, or by someone real.
	 */
	boolean mentorExists() {
		return this.directory.findByUsernameOrEmail(DemoCast.MENTOR.username()).isPresent();
	}

	/**
	 * Seeds the demo cohort when nothing is in its way.
	 * @return the accounts made, mentor first; empty when nothing was seeded
	 */
	@Transactional
	Optional<List<DemoAccount>> seedIfFree() {
		if (mentorExists()) {
			return Optional.empty();
		}
		Optional<CurriculumTree> found = this.catalog.tree(DemoCast.SYLLABUS);
		if (found.isEmpty()) {
			log.info("No demo data: the curriculum '{}' is not there", DemoCast.SYLLABUS);
			return Optional.empty();
		}
		Optional<Person> taken = DemoCast.people()
			.filter((person) -> this.directory.findByUsernameOrEmail(person.username()).isPresent()
					|| this.directory.findByUsernameOrEmail(person.email()).isPresent())
			.findFirst();
		if (taken.isPresent()) {
			log.info("No demo data: a user '{}' exists already", taken.get().username());
			return Optional.empty();
		}
		return Optional.of(seed(found.get()));
	}

	private List<DemoAccount> seed(CurriculumTree syllabus) {
		List<DemoAccount> made = new ArrayList<>();
		Member mentor = create(DemoCast.MENTOR, Role.MENTOR, made);
		LocalDate start = LocalDate.now(this.clock.withZone(ZoneOffset.UTC)).minusWeeks(DemoCast.WEEKS_RUNNING);
		long cohortId = this.cohorts.create(DemoCast.COHORT, DemoCast.SYLLABUS, start);
		this.cohorts.addMentor(cohortId, mentor.username());
		Map<String, Member> learners = new HashMap<>();
		Map<String, Plan> plans = new HashMap<>();
		for (Learner learner : DemoCast.LEARNERS) {
			Member member = create(learner.person(), Role.LEARNER, made);
			LocalDate today = LocalDate.now(this.clock.withZone(learner.person().zoneId()));
			Plan plan = DemoHistory.plan(learner, syllabus, start, today,
					new Random(HISTORY_SEED ^ learner.username().hashCode()));
			// Enrolled before joining the cohort, so that the enrollment is dated in the
			// past and the cohort leaves it as it is.
			this.enrollments.enrollIfAbsent(member.id(), syllabus.id(), start, plan.enrolledAt());
			plan.steps()
				.forEach((step) -> this.enrollments.checkOffAt(member.id(), syllabus.id(), step.itemId(), step.at()));
			this.cohorts.addLearner(cohortId, member.username());
			learners.put(learner.username(), member);
			plans.put(learner.username(), plan);
		}
		Random jitter = new Random(HISTORY_SEED);
		for (Submission submission : DemoCast.EVIDENCE) {
			Member learner = learners.get(submission.username());
			long taskId = task(syllabus, submission).id();
			Plan plan = plans.get(submission.username());
			Instant checked = plan.checkedAt(taskId);
			// Sent just before checking the task off, or after the last sitting when the
			// task is still open.
			Instant sent = (checked != null) ? checked.minusSeconds(60L * (2 + jitter.nextInt(10)))
					: plan.lastActivity().plusSeconds(60L * (2 + jitter.nextInt(10)));
			this.enrollments.submitEvidenceAt(learner.id(), DemoCast.SYLLABUS, taskId, submission.url(),
					submission.note(), sent);
			if (submission.review() != Review.NONE) {
				review(syllabus, mentor, learner, taskId, submission);
			}
		}
		return List.copyOf(made);
	}

	private Member create(Person person, Role role, List<DemoAccount> made) {
		String password = password(person.username());
		Member member = this.accounts.create(new NewAccount(person.username(), person.email(), person.displayName(),
				password, role, person.zoneId()));
		made.add(new DemoAccount(member.username(), member.displayName(), role == Role.MENTOR, password));
		return member;
	}

	private void review(CurriculumTree syllabus, Member mentor, Member learner, long taskId, Submission submission) {
		EvidenceView waiting = this.reviews.waiting(List.of(syllabus.id()), List.of(learner.id()))
			.stream()
			.filter((evidence) -> evidence.itemId() == taskId)
			.findFirst()
			.orElseThrow();
		this.reviews.review(new ReviewEvidence(waiting.id(), learner.id(), syllabus.id(), mentor.id(),
				submission.review() == Review.ACCEPTED, submission.feedback(), waiting.version()));
	}

	private static TaskView task(CurriculumTree syllabus, Submission submission) {
		List<TaskView> tasks = syllabus.week(submission.week())
			.orElseThrow(() -> new IllegalStateException("The syllabus has no week " + submission.week()))
			.tasks();
		if (submission.task() > tasks.size()) {
			throw new IllegalStateException(
					"Week " + submission.week() + " of the syllabus has no task " + submission.task());
		}
		return tasks.stream()
			.sorted((a, b) -> Integer.compare(a.position(), b.position()))
			.toList()
			.get(submission.task() - 1);
	}

	/**
	 * 20 characters like the administrator's, drawn again in the rare case that one
	 * breaks a password rule (it could contain a short username such as "ben").
	 */
	private String password(String username) {
		String password;
		do {
			StringBuilder drawn = new StringBuilder();
			for (int i = 0; i < 20; i++) {
				drawn.append(ALPHABET.charAt(this.passwords.nextInt(ALPHABET.length())));
			}
			password = drawn.toString();
		}
		while (this.passwordPolicy.check(password, username).isPresent());
		return password;
	}

}
