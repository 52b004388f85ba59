package io.stepwise.curriculum;

import io.stepwise.support.PostgresDatabase;
import io.stepwise.support.PostgresTest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Curriculum storage on PostgreSQL: a full {@code @SpringBootTest}, since
 * {@code @DataJpaTest} would quietly swap the configured database for an embedded one.
 */
@SpringBootTest
@ActiveProfiles("test")
@PostgresTest
class CurriculumStoragePostgresIT extends CurriculumStorageChecks {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.configure(registry);
	}

}
