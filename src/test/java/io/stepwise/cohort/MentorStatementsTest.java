package io.stepwise.cohort;

import io.stepwise.account.TestAccounts;
import io.stepwise.support.StatementCounting;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** {@link MentorStatementChecks} on the embedded H2. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ CohortFixtures.class, StatementCounting.class })
class MentorStatementsTest extends MentorStatementChecks {

}
