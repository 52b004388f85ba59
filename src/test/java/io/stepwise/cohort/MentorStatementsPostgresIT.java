package io.stepwise.cohort;

import io.stepwise.account.TestAccounts;
import io.stepwise.support.PostgresDatabase;
import io.stepwise.support.PostgresTest;
import io.stepwise.support.StatementCounting;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link MentorStatementChecks} on PostgreSQL. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@PostgresTest
@Import({ CohortFixtures.class, StatementCounting.class })
class MentorStatementsPostgresIT extends MentorStatementChecks {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.configure(registry);
	}

}
