package io.stepwise.curriculum;

import io.stepwise.account.TestAccounts;
import io.stepwise.support.StatementCounting;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Curriculum storage on the embedded H2 database in PostgreSQL mode. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ StatementCounting.class, TestAccounts.class })
class CurriculumStorageH2Test extends CurriculumStorageChecks {

}
