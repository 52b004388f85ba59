package io.stepwise.system;

import io.stepwise.support.PostgresDatabase;
import io.stepwise.support.PostgresTest;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The throttle's burst checks on PostgreSQL, where production's row locks are. */
@PostgresTest
class LoginThrottlePostgresIT extends LoginThrottleChecks {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.configure(registry);
	}

}
