package io.stepwise.system;

import io.stepwise.cohort.CohortFixtures;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Bad input on the embedded H2. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(CohortFixtures.class)
class BadInputTest extends BadInputChecks {

}
