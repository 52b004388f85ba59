package io.stepwise.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.stepwise.account.AccountDirectory;
import io.stepwise.account.Member;
import io.stepwise.account.Role;
import io.stepwise.curriculum.CurriculumCatalog;
import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.progress.EvidenceReviews;
import io.stepwise.progress.EvidenceView;
import io.stepwise.progress.LearnerStanding;
import io.stepwise.progress.Pace;
import io.stepwise.progress.ProgressReports;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first start with the demo switched on, on a database of its own so that the demo
 * users never show up in other tests. The seeding happens while the context starts.
 */
@SpringBootTest(properties = { "stepwise.demo.enabled=true",
		"spring.datasource.url=jdbc:h2:mem:demo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class DemoDataTest {

	private static final Pattern ACCOUNT_LINE = Pattern.compile("(?m)^ {8}([a-z]+)\\s+([A-Za-z0-9]{20})\\s");

	@Autowired
	DemoData demo;

	@Autowired
	AccountDirectory accounts;

	@Autowired
	CurriculumCatalog catalog;

	@Autowired
	ProgressReports progress;

	@Autowired
	EvidenceReviews reviews;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	CurriculumTree syllabus;

	Member mentor;

	List<Long> learnerIds;

	LocalDate start;

	@BeforeEach
	void readTheCohort() {
		this.syllabus = this.catalog.tree(DemoCast.SYLLABUS).orElseThrow();
		this.mentor = this.accounts.findByUsernameOrEmail("mentor").orElseThrow();
		Long cohortId = this.jdbc.queryForObject("select id from cohort where name = ?", Long.class, DemoCast.COHORT);
		this.learnerIds = this.jdbc.queryForList(
				"select learner_id from cohort_learner where cohort_id = ? order by learner_id", Long.class, cohortId);
		this.start = this.jdbc.queryForObject("select start_date from cohort where id = ?", LocalDate.class, cohortId);
	}

	@Test
	void seedsTheCohortOnTheSyllabusWithItsMentorAndTwelveLearners() {
		assertThat(this.mentor.displayName()).isEqualTo("Mina Mentor");
		assertThat(this.mentor.role()).isEqualTo(Role.MENTOR);
		assertThat(this.jdbc.queryForList(
				"select m.mentor_id from cohort_mentor m join cohort c on c.id = m.cohort_id where c.name = ?",
				Long.class, DemoCast.COHORT))
			.containsExactly(this.mentor.id());
		assertThat(this.jdbc.queryForObject("select curriculum_id from cohort where name = ?", Long.class,
				DemoCast.COHORT))
			.isEqualTo(this.syllabus.id());
		assertThat(this.start).isEqualTo(LocalDate.now(this.clock.withZone(ZoneOffset.UTC)).minusWeeks(8));
		Map<Long, Member> learners = this.accounts.members(this.learnerIds);
		assertThat(learners.values()).hasSize(12)
			.allMatch((learner) -> learner.role() == Role.LEARNER)
			.allMatch((learner) -> learner.email().endsWith("@demo.stepwise.invalid"));
		assertThat(learners.values()).extracting(Member::username)
			.containsExactlyInAnyOrderElementsOf(DemoCast.LEARNERS.stream().map(DemoCast.Learner::username).toList());
	}

	@Test
	void spreadsTheLearnersAroundTheCohortsPace() {
		List<LearnerStanding> standings = this.progress.standings(this.syllabus, this.learnerIds, this.start,
				ZoneOffset.UTC);
		Instant weekAgo = this.clock.instant().minus(Duration.ofDays(7));
		assertThat(standings).allMatch(LearnerStanding::enrolled);
		assertThat(standings).filteredOn((s) -> s.pace().status() == Pace.Status.AHEAD).isNotEmpty();
		assertThat(standings).filteredOn((s) -> s.pace().status() == Pace.Status.ON_TRACK).hasSizeGreaterThan(1);
		assertThat(standings).filteredOn((s) -> s.pace().isBehind()).hasSizeGreaterThan(2);
		assertThat(standings).filteredOn((s) -> s.pace().isBehind() && s.pace().weeks() >= 2).isNotEmpty();
		assertThat(standings).filteredOn((s) -> s.percent() == 0 && s.currentWeek() == 1).hasSize(1);
		assertThat(standings).filteredOn((s) -> s.inactiveSince(weekAgo)).hasSizeGreaterThanOrEqualTo(2);
		assertThat(standings).filteredOn((s) -> !s.inactiveSince(weekAgo)).hasSizeGreaterThanOrEqualTo(8);
		assertThat(standings.stream().mapToInt(LearnerStanding::reviewsWaiting).sum()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void leavesEvidenceWaitingAcceptedAndSentBack() {
		List<EvidenceView> waiting = this.reviews.waiting(List.of(this.syllabus.id()), this.learnerIds);
		assertThat(waiting).hasSizeGreaterThanOrEqualTo(3)
			.allMatch((evidence) -> evidence.url().startsWith("https://github.com/"))
			.allMatch((evidence) -> !evidence.note().isBlank());
		Map<EvidenceView.Status, Integer> byStatus = new HashMap<>();
		for (long learnerId : this.learnerIds) {
			this.progress.learner(this.syllabus, learnerId, this.start, ZoneOffset.UTC)
				.orElseThrow()
				.evidence()
				.forEach((evidence) -> {
					byStatus.merge(evidence.status(), 1, Integer::sum);
					if (!evidence.isWaiting()) {
						assertThat(evidence.reviewerId()).isEqualTo(this.mentor.id());
						assertThat(evidence.feedback()).isNotBlank();
					}
				});
		}
		assertThat(byStatus.get(EvidenceView.Status.SUBMITTED)).isEqualTo(waiting.size());
		assertThat(byStatus.get(EvidenceView.Status.ACCEPTED)).isGreaterThanOrEqualTo(1);
		assertThat(byStatus.get(EvidenceView.Status.CHANGES_REQUESTED)).isGreaterThanOrEqualTo(1);
	}

	@Test
	void nothingHappensInTheFuture() {
		Instant now = this.clock.instant();
		for (String query : new String[] { "select max(occurred_at) from progress_event",
				"select max(done_at) from check_off", "select max(finished_at) from week_completion",
				"select max(enrolled_at) from enrollment", "select max(submitted_at) from evidence",
				"select max(reviewed_at) from evidence" }) {
			OffsetDateTime latest = this.jdbc.queryForObject(query, OffsetDateTime.class);
			assertThat(latest).as(query).isNotNull();
			assertThat(latest.toInstant()).as(query).isBeforeOrEqualTo(now);
		}
		assertThat(
				this.jdbc.queryForObject("select count(*) from progress_event where type = 'CHECKED'", Integer.class))
			.isGreaterThan(100);
	}

	@Test
	void printsTheDemoPasswordsOnceAndTheyLogIn(CapturedOutput output) {
		String log = output.getAll();
		assertThat(log).contains("Log in as 'mentor'");
		assertThat(log.split("\\*\\*\\* Demo data", -1)).as("one block in:%n%s", log).hasSize(2);
		Matcher lines = ACCOUNT_LINE.matcher(log);
		Map<String, String> passwords = new HashMap<>();
		while (lines.find()) {
			passwords.put(lines.group(1), lines.group(2));
		}
		assertThat(passwords).hasSize(13).containsKey("mentor");
		passwords.forEach((username, password) -> {
			String hash = this.jdbc.queryForObject("select password_hash from app_user where username = ?",
					String.class, username);
			assertThat(this.passwordEncoder.matches(password, hash)).as(username).isTrue();
		});
		assertThat(passwords.values()).doesNotHaveDuplicates();
	}

	@Test
	void aSecondRunChangesNothingAndPrintsNothing(CapturedOutput output) throws Exception {
		String[] tables = { "app_user", "cohort", "cohort_mentor", "cohort_learner", "enrollment", "check_off",
				"progress_event", "evidence" };
		Map<String, Integer> before = counts(tables);
		int logged = output.getAll().length();

		this.demo.run(null);

		assertThat(counts(tables)).isEqualTo(before);
		assertThat(output.getAll().substring(logged)).doesNotContain("Demo data").doesNotContain("demo");
	}

	private Map<String, Integer> counts(String[] tables) {
		Map<String, Integer> counts = new HashMap<>();
		for (String table : tables) {
			counts.put(table, this.jdbc.queryForObject("select count(*) from " + table, Integer.class));
		}
		return counts;
	}

}
