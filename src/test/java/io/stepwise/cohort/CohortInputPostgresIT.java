package io.stepwise.cohort;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.stepwise.account.AccountUser;
import io.stepwise.support.PostgresDatabase;
import io.stepwise.support.PostgresTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static io.stepwise.support.FullLogin.fullLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Names no account could have, sent where an admin names a user, are refused as input and
 * store nothing, on PostgreSQL too, whose driver fails outright on a NUL in a query
 * parameter.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@PostgresTest
@Import(CohortFixtures.class)
class CohortInputPostgresIT {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.configure(registry);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	CohortFixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void controlCharactersInAUsernameAreAnUnknownUserNotAnError() throws Exception {
		AccountUser admin = this.fixtures.admin();
		CohortFixtures.TestCohort cohort = this.fixtures.cohort(LocalDate.of(2026, 9, 7));
		for (String name : new String[] { "bob\u0000", "a\r\nb", "x".repeat(400) }) {
			this.mvc
				.perform(post("/admin/cohorts/{id}/learners", cohort.id()).param("user", name)
					.with(fullLogin(admin))
					.with(csrf()))
				// The page again, with the field error.
				.andExpect(status().isOk());
		}
		this.mvc
			.perform(put("/api/v1/cohorts/{id}/learners/{u}", cohort.id(), "nul\u0000name").with(fullLogin(admin))
				.with(csrf()))
			.andExpect(status().is4xxClientError());
		assertThat(this.jdbc.queryForObject("select count(*) from cohort_learner where cohort_id = ?", Integer.class,
				cohort.id()))
			.isZero();
	}

}
