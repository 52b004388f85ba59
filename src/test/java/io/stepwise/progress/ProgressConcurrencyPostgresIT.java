package io.stepwise.progress;

import io.stepwise.support.PostgresDatabase;
import io.stepwise.support.PostgresTest;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The concurrency checks on PostgreSQL, where production's row locks are. */
@PostgresTest
class ProgressConcurrencyPostgresIT extends ProgressConcurrencyChecks {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.configure(registry);
	}

}
