package io.stepwise.system;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Bounds how many password hashes run at once. A memory-hard hash (Argon2 takes 16 MiB
 * each) run for every request of a burst would exhaust the heap; here at most
 * {@code concurrency} run, at most {@code queue} more wait up to {@code maxWait} for a
 * slot, and any other is refused at once with {@link HashingBusyException}.
 */
public final class PasswordHashing {

	private final Semaphore slots;

	private final AtomicInteger admitted = new AtomicInteger();

	private final int maxAdmitted;

	private final Duration maxWait;

	private final Duration retryAfter;

	public PasswordHashing(Settings settings) {
		this.slots = new Semaphore(settings.concurrency(), true);
		this.maxAdmitted = settings.concurrency() + settings.queue();
		this.maxWait = settings.maxWait();
		this.retryAfter = Duration.ofSeconds(Math.max(1, (settings.maxWait().toMillis() + 999) / 1000));
	}

	/** The encoder with every encode and match run under this bound. */
	public PasswordEncoder bounded(PasswordEncoder encoder) {
		return new PasswordEncoder() {

			@Override
			public String encode(CharSequence rawPassword) {
				return run(() -> encoder.encode(rawPassword));
			}

			@Override
			public boolean matches(CharSequence rawPassword, String encodedPassword) {
				return run(() -> encoder.matches(rawPassword, encodedPassword));
			}

			@Override
			public boolean upgradeEncoding(String encodedPassword) {
				return encoder.upgradeEncoding(encodedPassword);
			}

		};
	}

	<T> T run(Supplier<T> hashing) {
		try {
			if (this.admitted.incrementAndGet() > this.maxAdmitted) {
				throw new HashingBusyException(this.retryAfter);
			}
			acquire();
			try {
				return hashing.get();
			}
			finally {
				this.slots.release();
			}
		}
		finally {
			this.admitted.decrementAndGet();
		}
	}

	/** Requests hashing or waiting for a slot now. */
	int admitted() {
		return this.admitted.get();
	}

	private void acquire() {
		try {
			if (!this.slots.tryAcquire(this.maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
				throw new HashingBusyException(this.retryAfter);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new HashingBusyException(this.retryAfter);
		}
	}

	/**
	 * @param concurrency hashes at once; 0 means one per processor
	 * @param maxWait how long a request waits for a slot before it is refused
	 * @param queue how many requests may wait at once; more are refused at once
	 */
	@ConfigurationProperties("stepwise.login.hashing")
	public record Settings(@DefaultValue("0") int concurrency, @DefaultValue("2s") Duration maxWait,
			@DefaultValue("100") int queue) {

		public Settings {
			if (concurrency <= 0) {
				concurrency = Runtime.getRuntime().availableProcessors();
			}
			if (queue < 0) {
				queue = 0;
			}
		}

	}

}
