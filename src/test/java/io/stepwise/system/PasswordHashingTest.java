package io.stepwise.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PasswordHashingTest {

	private final ExecutorService executor = Executors.newFixedThreadPool(24);

	@AfterEach
	void stop() {
		this.executor.shutdownNow();
	}

	@Test
	void neverRunsMoreHashesAtOnceThanItsConcurrency() throws Exception {
		PasswordHashing hashing = new PasswordHashing(new PasswordHashing.Settings(2, Duration.ofSeconds(60), 100));
		AtomicInteger running = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		PasswordEncoder encoder = hashing.bounded(new PasswordEncoder() {

			@Override
			public String encode(CharSequence rawPassword) {
				int now = running.incrementAndGet();
				most.accumulateAndGet(now, Math::max);
				Thread.onSpinWait();
				for (int i = 0; i < 200_000; i++) {
					Thread.onSpinWait();
				}
				running.decrementAndGet();
				return "hash";
			}

			@Override
			public boolean matches(CharSequence rawPassword, String encodedPassword) {
				return encode(rawPassword).equals(encodedPassword);
			}

		});
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Boolean>> checks = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			checks.add(this.executor.submit(() -> {
				go.await();
				return encoder.matches("secret", "hash");
			}));
		}
		go.countDown();
		for (Future<Boolean> check : checks) {
			assertThat(check.get(60, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(most.get()).isBetween(1, 2);
	}

	@Test
	void refusesWhenNoSlotFreesInTime() throws Exception {
		PasswordHashing hashing = new PasswordHashing(new PasswordHashing.Settings(1, Duration.ofMillis(100), 10));
		CountDownLatch release = new CountDownLatch(1);
		Future<String> holder = holdASlot(hashing, release);

		assertThatExceptionOfType(HashingBusyException.class).isThrownBy(() -> hashing.run(() -> "never"))
			.satisfies((ex) -> assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(1)));

		release.countDown();
		assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo("held");
		assertThat(hashing.run(() -> "afterwards")).isEqualTo("afterwards");
		assertThat(hashing.admitted()).isZero();
	}

	@Test
	void refusesAtOnceWhenTheQueueIsFull() throws Exception {
		// A request that waited could wait a minute; this one must not wait at all.
		PasswordHashing hashing = new PasswordHashing(new PasswordHashing.Settings(1, Duration.ofSeconds(60), 1));
		CountDownLatch release = new CountDownLatch(1);
		Future<String> holder = holdASlot(hashing, release);
		Future<String> waiting = this.executor.submit(() -> hashing.run(() -> "waited"));
		awaitAdmitted(hashing, 2);

		long started = System.nanoTime();
		assertThatExceptionOfType(HashingBusyException.class).isThrownBy(() -> hashing.run(() -> "never"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));

		release.countDown();
		assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo("held");
		assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo("waited");
	}

	private Future<String> holdASlot(PasswordHashing hashing, CountDownLatch release) throws InterruptedException {
		CountDownLatch holding = new CountDownLatch(1);
		Future<String> holder = this.executor.submit(() -> hashing.run(() -> {
			holding.countDown();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return "held";
		}));
		assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
		return holder;
	}

	private static void awaitAdmitted(PasswordHashing hashing, int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (hashing.admitted() < count) {
			assertThat(System.nanoTime()).as("waiting for %d admitted", count).isLessThan(deadline);
			Thread.yield();
		}
	}

}
