package io.stepwise.cohort;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static io.stepwise.support.FullLogin.fullLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The cohort as CSV: its columns, its filters, and cells that cannot run as formulas. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ CohortFixtures.class })
class CohortCsvTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CohortFixtures fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void exportHasAHeaderAndOneRowPerLearnerWithEveryWeek() throws Exception {
		Cohort cohort = this.fixture.cohort(3);
		AccountUser mentor = this.fixture.mentorOf(cohort);
		AccountUser learner = this.fixture.learnerIn(cohort);
		MockHttpServletResponse response = export(cohort, "", mentor);
		assertThat(response.getContentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(response.getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"cohort-" + cohort.getId() + ".csv\"");
		byte[] bytes = response.getContentAsByteArray();
		assertThat(new String(bytes, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("\u00EF\u00BB\u00BF");
		List<CSVRecord> records = parse(response);
		assertThat(records.get(0).toList())
			.startsWith("username", "display_name", "percent_done", "current_week", "pace_weeks", "last_activity",
					"reviews_waiting", "week_1")
			.endsWith("week_24")
			.hasSize(7 + 24);
		CSVRecord row = records.get(1);
		assertThat(row.get(0)).isEqualTo(learner.getUsername());
		assertThat(row.get(2)).isEqualTo("0");
		assertThat(row.get(3)).isEqualTo("1");
		// Three weeks in, on week 1: behind by three; a negative number stays a number.
		assertThat(row.get(4)).isEqualTo("-3");
		assertThat(row.get(7)).isEqualTo("not_started");
		assertThat(row.get(8)).isEqualTo("locked");
	}

	@Test
	void cellsASpreadsheetWouldRunAreNeutralised() throws Exception {
		Cohort cohort = this.fixture.cohort(1);
		AccountUser mentor = this.fixture.mentorOf(cohort);
		String[] hostile = { "=HYPERLINK(\"http://evil.example\")", "+1+2", "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A2)",
				"\tTabbed", "\rCarriage", "Plain, \"quoted\"\nname" };
		for (String name : hostile) {
			AccountUser learner = this.fixture.learnerIn(cohort);
			this.jdbc.update("update app_user set display_name = ? where id = ?", name, learner.id());
		}
		List<String> names = parse(export(cohort, "", mentor)).stream().skip(1).map((r) -> r.get(1)).toList();
		assertThat(names).containsExactlyInAnyOrder("'=HYPERLINK(\"http://evil.example\")", "'+1+2",
				"'-2+3+cmd|' /C calc'!A0", "'@SUM(A1:A2)", "'\tTabbed", "'\rCarriage", "Plain, \"quoted\"\nname");
	}

	@Test
	void exportKeepsTheFiltersOfTheView() throws Exception {
		Cohort cohort = this.fixture.cohort(0);
		AccountUser mentor = this.fixture.mentorOf(cohort);
		AccountUser active = this.fixture.learnerIn(cohort);
		AccountUser idle = this.fixture.learnerIn(cohort, java.time.Instant.now().minus(java.time.Duration.ofDays(9)));
		assertThat(parse(export(cohort, "?inactive=7", mentor)).stream().skip(1).map((r) -> r.get(0)))
			.containsExactly(idle.getUsername());
		assertThat(parse(export(cohort, "?sort=-name", mentor))).hasSize(3);
		assertThat(active).isNotNull();
	}

	@Test
	void exportIsScopedLikeThePage() throws Exception {
		Cohort cohort = this.fixture.cohort(1);
		this.fixture.learnerIn(cohort);
		AccountUser otherMentor = this.fixture.mentorOf(this.fixture.cohort(1));
		this.mvc.perform(get("/mentor/cohorts/{id}/export.csv", cohort.getId()).with(user(otherMentor)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/mentor/cohorts/{id}/export.csv", cohort.getId()).with(fullLogin(this.fixture.admin())))
			.andExpect(status().isOk());
	}

	@Test
	void neutralisingLeavesOrdinaryCellsAlone() {
		assertThat(CohortCsv.neutralised("-12")).isEqualTo("-12");
		assertThat(CohortCsv.neutralised("")).isEmpty();
		assertThat(CohortCsv.neutralised("Ada Lovelace")).isEqualTo("Ada Lovelace");
		assertThat(CohortCsv.neutralised("finished 2026-11-20")).isEqualTo("finished 2026-11-20");
		assertThat(CohortCsv.neutralised("-")).isEqualTo("'-");
	}

	private MockHttpServletResponse export(Cohort cohort, String query, AccountUser mentor) throws Exception {
		return this.mvc.perform(get("/mentor/cohorts/" + cohort.getId() + "/export.csv" + query).with(user(mentor)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
	}

	private static List<CSVRecord> parse(MockHttpServletResponse response) throws Exception {
		String text = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8).substring(1);
		return CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
	}

}
