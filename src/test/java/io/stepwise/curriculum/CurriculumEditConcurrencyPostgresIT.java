package io.stepwise.curriculum;

import io.stepwise.support.PostgresDatabase;
import io.stepwise.support.PostgresTest;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The concurrency checks of curriculum editing on PostgreSQL, where production's locks
 * are.
 */
@PostgresTest
class CurriculumEditConcurrencyPostgresIT extends CurriculumEditConcurrencyChecks {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.configure(registry);
	}

}
