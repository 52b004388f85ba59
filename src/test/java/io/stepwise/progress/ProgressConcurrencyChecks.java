package io.stepwise.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.curriculum.CurriculumCatalog;
import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.curriculum.CurriculumTree.WeekView;
import io.stepwise.support.StatementCounting;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static io.stepwise.progress.ProgressFlowTest.SYLLABUS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One learner writing from several requests at once: double submits, two tabs, a fast
 * uncheck beside a check in the next week. Run on each database, because the
 * serialization comes from the database's row lock.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ TestAccounts.class, StatementCounting.class })
abstract class ProgressConcurrencyChecks {

	static final int THREADS = 8;

	static final int ROUNDS = 50;

	@Autowired
	TestAccounts accounts;

	@Autowired
	CurriculumCatalog catalog;

	@Autowired
	ProgressService service;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	ProgressRows rows;

	CurriculumTree syllabus;

	ExecutorService executor;

	@BeforeEach
	void setUp() {
		this.rows = new ProgressRows(this.jdbc);
		this.syllabus = this.catalog.tree(SYLLABUS).orElseThrow();
		this.executor = Executors.newFixedThreadPool(THREADS);
	}

	@AfterEach
	void tearDown() throws InterruptedException {
		this.executor.shutdownNow();
		this.executor.awaitTermination(30, TimeUnit.SECONDS);
	}

	@Test
	void parallelIdenticalCheckOffsGiveOneRecord() throws Exception {
		AccountUser learner = enrolled();
		long enrollment = this.rows.enrollment(learner, SYLLABUS);
		long task = this.syllabus.week(1).orElseThrow().tasks().get(0).id();

		List<ProgressService.ItemChange> changes = all(THREADS,
				() -> this.service.setDone(learner.id(), SYLLABUS, task, true));

		assertThat(changes).hasSize(THREADS)
			.allSatisfy((change) -> assertThat(change.progress().isDone(task)).isTrue());
		assertThat(changes).filteredOn((change) -> change.outcome().changed()).hasSize(1);
		assertThat(this.rows.checkOffs(enrollment, task)).isEqualTo(1);
		assertThat(this.rows.itemEvents(enrollment, "CHECKED", task)).isEqualTo(1);
	}

	@Test
	void parallelCheckOffsFinishingAWeekFinishItOnce() throws Exception {
		AccountUser learner = enrolled();
		long enrollment = this.rows.enrollment(learner, SYLLABUS);
		WeekView week1 = this.syllabus.week(1).orElseThrow();
		List<Long> tasks = LearnerProgress.requiredItems(week1);
		for (long task : tasks.subList(0, tasks.size() - 1)) {
			this.service.setDone(learner.id(), SYLLABUS, task, true);
		}
		long last = tasks.get(tasks.size() - 1);

		all(THREADS, () -> this.service.setDone(learner.id(), SYLLABUS, last, true));

		assertThat(this.rows.checkOffs(enrollment, last)).isEqualTo(1);
		assertThat(this.rows.completions(enrollment)).isEqualTo(1);
		assertThat(this.rows.weekEvents(enrollment, "WEEK_FINISHED", week1.id())).isEqualTo(1);
	}

	@Test
	void parallelIdenticalEnrollmentsGiveOneEnrollment() throws Exception {
		AccountUser learner = this.accounts.learner();
		LocalDate start = LocalDate.now(this.clock);

		List<ProgressService.EnrollmentResult> results = all(THREADS,
				() -> this.service.enroll(learner.id(), SYLLABUS, start));

		assertThat(results).filteredOn(ProgressService.EnrollmentResult::created).hasSize(1);
		assertThat(results).allSatisfy((result) -> assertThat(result.startDate()).isEqualTo(start));
		assertThat(this.rows.enrollments(learner)).isEqualTo(1);
		assertThat(this.rows.events(this.rows.enrollment(learner, SYLLABUS), "ENROLLED")).isEqualTo(1);
	}

	/**
	 * Thread A unchecks a week 1 task while thread B checks a week 2 item. Whichever runs
	 * first, B's check-off must never be recorded while week 1 is unfinished.
	 */
	@Test
	void uncheckingWeekOneRacingACheckOffInWeekTwoNeverPassesTheGate() throws Exception {
		AccountUser learner = enrolled();
		long enrollment = this.rows.enrollment(learner, SYLLABUS);
		WeekView week1 = this.syllabus.week(1).orElseThrow();
		WeekView week2 = this.syllabus.week(2).orElseThrow();
		List<Long> week1Tasks = LearnerProgress.requiredItems(week1);
		for (long task : week1Tasks) {
			this.service.setDone(learner.id(), SYLLABUS, task, true);
		}
		long unchecked = week1Tasks.get(0);
		long racing = week2.tasks().get(0).id();

		for (int round = 0; round < ROUNDS; round++) {
			// Week 1 finished again, the week 2 item not done: the state the race starts
			// from.
			this.service.setDone(learner.id(), SYLLABUS, unchecked, true);
			this.service.setDone(learner.id(), SYLLABUS, racing, false);

			CountDownLatch start = new CountDownLatch(1);
			Future<Boolean> uncheck = this.executor.submit(() -> {
				start.await();
				return this.service.setDone(learner.id(), SYLLABUS, unchecked, false).outcome().changed();
			});
			Future<Boolean> check = this.executor.submit(() -> {
				start.await();
				try {
					return this.service.setDone(learner.id(), SYLLABUS, racing, true).outcome().changed();
				}
				catch (WeekLockedException locked) {
					assertThat(locked.unfinishedWeek()).isEqualTo(1);
					return false;
				}
			});
			start.countDown();
			assertThat(uncheck.get(60, TimeUnit.SECONDS)).isTrue();
			boolean checked = check.get(60, TimeUnit.SECONDS);

			assertThat(this.rows.checkOffs(enrollment, racing)).as("round %d", round).isEqualTo(checked ? 1 : 0);
			assertHistoryNeverPassedTheGate(enrollment);
		}
	}

	/**
	 * Replays the enrollment's history in the order it was written: every check and
	 * uncheck must be in a week whose earlier weeks were all finished at that moment, and
	 * the replayed state must be what the tables hold now.
	 */
	void assertHistoryNeverPassedTheGate(long enrollment) {
		Map<Long, WeekView> weekOfItem = new HashMap<>();
		for (WeekView week : this.syllabus.weeks()) {
			week.itemIds().forEach((item) -> weekOfItem.put(item, week));
		}
		Set<Long> finished = new HashSet<>();
		Set<Long> done = new TreeSet<>();
		List<ProgressRows.Event> history = this.rows.history(enrollment);
		for (int i = 0; i < history.size(); i++) {
			ProgressRows.Event event = history.get(i);
			switch (event.type()) {
				case "CHECKED", "UNCHECKED" -> {
					WeekView week = weekOfItem.get(event.itemId());
					for (WeekView earlier : this.syllabus.weeks()) {
						if (earlier.number() < week.number()) {
							assertThat(finished)
								.as("event %d (%s of an item in week %d) with week %d unfinished", i, event.type(),
										week.number(), earlier.number())
								.contains(earlier.id());
						}
					}
					if (event.type().equals("CHECKED")) {
						assertThat(done.add(event.itemId())).as("event %d checks a checked item", i).isTrue();
					}
					else {
						assertThat(done.remove(event.itemId())).as("event %d unchecks an unchecked item", i).isTrue();
					}
				}
				case "WEEK_FINISHED" -> assertThat(finished.add(event.weekId())).isTrue();
				case "WEEK_REOPENED" -> assertThat(finished.remove(event.weekId())).isTrue();
				case "RESET" -> {
					finished.clear();
					done.clear();
				}
				default -> {
				}
			}
		}
		ProgressRows.Snapshot now = this.rows.snapshot(enrollment);
		assertThat(now.checkedItems()).containsExactlyElementsOf(done);
		assertThat(new HashSet<>(now.finishedWeeks())).isEqualTo(finished);
	}

	AccountUser enrolled() {
		AccountUser learner = this.accounts.learner();
		this.service.enroll(learner.id(), SYLLABUS, LocalDate.now(this.clock));
		return learner;
	}

	/**
	 * Runs the same call on {@code count} threads released together, and waits for all.
	 */
	<T> List<T> all(int count, Callable<T> call) throws Exception {
		CountDownLatch ready = new CountDownLatch(count);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<T>> futures = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			futures.add(this.executor.submit(() -> {
				ready.countDown();
				start.await();
				return call.call();
			}));
		}
		ready.await(60, TimeUnit.SECONDS);
		start.countDown();
		List<T> results = new ArrayList<>();
		for (Future<T> future : futures) {
			results.add(future.get(60, TimeUnit.SECONDS));
		}
		return results;
	}

}
