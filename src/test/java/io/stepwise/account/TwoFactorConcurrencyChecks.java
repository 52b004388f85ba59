package io.stepwise.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.stepwise.account.TwoFactorService.CodeCheck.Outcome;
import io.stepwise.support.Authenticator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bursts of codes for one account at once: no more wrong codes are checked than the
 * limit, and one code or recovery code logs in once, whatever the interleaving. Run on
 * each database, as the guarantee comes from its conditional updates.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(TestAccounts.class)
abstract class TwoFactorConcurrencyChecks {

	private static final int BURST = 24;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TwoFactorService twoFactor;

	@Test
	void aBurstOfWrongCodesGetsNoMoreChecksThanTheLimit() throws Exception {
		Enrolled enrolled = enrol();
		String wrong = String.format("%06d",
				(Integer.parseInt(enrolled.app().nextCodeAfter(Instant.now())) + 1) % 1_000_000);
		List<Outcome> outcomes = burst(BURST, () -> this.twoFactor.verify(enrolled.id(), wrong).outcome());
		assertThat(outcomes).filteredOn((outcome) -> outcome != Outcome.THROTTLED).hasSize(5);
		assertThat(outcomes).filteredOn((outcome) -> outcome == Outcome.THROTTLED).hasSize(BURST - 5);
	}

	@Test
	void oneCodeSentFiveTimesAtOnceLogsInOnce() throws Exception {
		Enrolled enrolled = enrol();
		String code = enrolled.app().nextCodeAfter(Instant.now());
		List<Outcome> outcomes = burst(5, () -> this.twoFactor.verify(enrolled.id(), code).outcome());
		assertThat(outcomes).filteredOn((outcome) -> outcome == Outcome.ACCEPTED).hasSize(1);
		assertThat(outcomes).filteredOn((outcome) -> outcome == Outcome.REPLAYED).hasSize(4);
	}

	@Test
	void oneRecoveryCodeSentFiveTimesAtOnceLogsInOnce() throws Exception {
		Enrolled enrolled = enrol();
		String recovery = enrolled.recoveryCodes().get(0);
		List<Outcome> outcomes = burst(5, () -> this.twoFactor.verify(enrolled.id(), recovery).outcome());
		assertThat(outcomes).filteredOn((outcome) -> outcome == Outcome.ACCEPTED).hasSize(1);
		assertThat(outcomes).filteredOn((outcome) -> outcome == Outcome.WRONG).hasSize(4);
		assertThat(this.twoFactor.recoveryCodesLeft(enrolled.id())).isEqualTo(9);
	}

	private Enrolled enrol() {
		AccountUser user = this.accounts.learner();
		assertThat(this.twoFactor.startEnrolment(user.id())).isTrue();
		Authenticator app = new Authenticator(this.twoFactor.enrolment(user.id()).orElseThrow().secret());
		TwoFactorService.CodeCheck confirmed = this.twoFactor.confirm(user.id(), app.codeAt(Instant.now()));
		assertThat(confirmed.accepted()).isTrue();
		return new Enrolled(user.id(), app, confirmed.recoveryCodes());
	}

	/** Runs the call on as many threads, all let go at the same moment. */
	private static <T> List<T> burst(int threads, Callable<T> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private record Enrolled(long id, Authenticator app, List<String> recoveryCodes) {
	}

}
