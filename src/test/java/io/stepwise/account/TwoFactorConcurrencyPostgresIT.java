package io.stepwise.account;

import io.stepwise.support.PostgresDatabase;
import io.stepwise.support.PostgresTest;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The two-factor bursts on PostgreSQL, where production's row locks are. */
@PostgresTest
class TwoFactorConcurrencyPostgresIT extends TwoFactorConcurrencyChecks {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.configure(registry);
	}

}
