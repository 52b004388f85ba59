package io.stepwise.system;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.cohort.CohortFixtures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static io.stepwise.support.FullLogin.fullLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Start dates no one could mean and text with control or text-direction characters are
 * refused where they come in, as a field error on pages and a 400 naming the field in the
 * API, and nothing is stored. Subclasses pick the database: PostgreSQL fails outright on
 * a NUL or a year past 9999 where H2 stores something, so both run.
 */
abstract class BadInputChecks {

	static final String CURRICULUM = CohortFixtures.SYLLABUS;

	/** Single-line fields refuse all three; multi-line text takes the line break. */
	static final List<String> BAD_LINES = List.of("nul\u0000name", "two\r\nlines", "mirror\u202Eeman");

	static final String TEXT_ERROR = "Remove control characters and text-direction marks.";

	@Autowired
	MockMvc mvc;

	@Autowired
	CohortFixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	static List<String> badDates() {
		return List.of("1999-12-31", LocalDate.now().plusYears(5).plusDays(10).toString(), "9999-12-31", "0026-09-07");
	}

	@Test
	void anEnrollmentPageRefusesAStartDateOutOfRange() throws Exception {
		AccountUser learner = this.fixtures.learner();
		for (String date : badDates()) {
			this.mvc
				.perform(post("/curricula/{slug}/enrollment", CURRICULUM).param("startDate", date)
					.with(user(learner))
					.with(csrf()))
				.andExpect(redirectedUrl("/curricula/" + CURRICULUM))
				.andExpect(flash().attribute("error", "startDate.range"));
		}
		assertThat(enrollments(learner)).isZero();
		this.mvc
			.perform(post("/curricula/{slug}/enrollment", CURRICULUM).param("startDate", LocalDate.now().toString())
				.with(user(learner))
				.with(csrf()))
			.andExpect(flash().attribute("message", "enrollment.created"));
		for (String date : badDates()) {
			this.mvc
				.perform(post("/curricula/{slug}/enrollment/reset", CURRICULUM).param("startDate", date)
					.with(user(learner))
					.with(csrf()))
				.andExpect(redirectedUrl("/curricula/" + CURRICULUM + "/enrollment/reset"))
				.andExpect(flash().attribute("error", "startDate.range"));
		}
		assertThat(this.jdbc.queryForObject("select start_date from enrollment where learner_id = ?", LocalDate.class,
				learner.id()))
			.isEqualTo(LocalDate.now());
	}

	@Test
	void theEnrollmentApiRefusesAStartDateOutOfRangeNamingTheField() throws Exception {
		AccountUser learner = this.fixtures.learner();
		for (String date : List.of("1999-12-31", "9999-12-31", "+10000-01-01", "0026-09-07",
				LocalDate.now().plusYears(6).toString())) {
			this.mvc
				.perform(post("/api/v1/curricula/{slug}/enrollment", CURRICULUM).contentType(MediaType.APPLICATION_JSON)
					.content("{\"startDate\":\"" + date + "\"}")
					.with(user(learner))
					.with(csrf()))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].field").value("startDate"));
		}
		assertThat(enrollments(learner)).isZero();
	}

	@Test
	void aCohortRefusesAStartDateOutOfRangeOnItsPagesAndInTheApi() throws Exception {
		AccountUser admin = this.fixtures.admin();
		String name = "dates-" + UUID.randomUUID();
		for (String date : badDates()) {
			this.mvc
				.perform(post("/admin/cohorts").param("name", name)
					.param("curriculum", CURRICULUM)
					.param("startDate", date)
					.with(fullLogin(admin))
					.with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Choose a start date between 1 January 2000")));
			this.mvc
				.perform(post("/api/v1/cohorts").contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"" + name + "\",\"curriculum\":\"" + CURRICULUM + "\",\"startDate\":\"" + date
							+ "\"}")
					.with(fullLogin(admin))
					.with(csrf()))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("startDate"));
		}
		assertThat(this.jdbc.queryForObject("select count(*) from cohort where name = ?", Integer.class, name))
			.isZero();
		CohortFixtures.TestCohort cohort = this.fixtures.cohort(LocalDate.of(2026, 9, 7));
		for (String date : badDates()) {
			this.mvc
				.perform(post("/admin/cohorts/{id}", cohort.id()).param("name", cohort.name())
					.param("startDate", date)
					.param("version", "0")
					.with(fullLogin(admin))
					.with(csrf()))
				.andExpect(status().isOk());
		}
		assertThat(this.jdbc.queryForObject("select start_date from cohort where id = ?", LocalDate.class, cohort.id()))
			.isEqualTo(LocalDate.of(2026, 9, 7));
	}

	@Test
	void signUpAndProfileRefuseControlAndDirectionCharactersInTheName() throws Exception {
		for (String bad : BAD_LINES) {
			String username = "text-" + UUID.randomUUID().toString().substring(0, 8);
			this.mvc
				.perform(post("/signup").param("username", username)
					.param("email", username + "@example.org")
					.param("displayName", bad)
					.param("password", "seven orange kites over the harbour")
					.param("timeZone", "UTC")
					.with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(TEXT_ERROR)));
			assertThat(this.jdbc.queryForObject("select count(*) from app_user where username = ?", Integer.class,
					username))
				.isZero();
		}
		AccountUser learner = this.fixtures.learner();
		for (String bad : BAD_LINES) {
			this.mvc
				.perform(post("/account/profile").param("displayName", bad)
					.param("timeZone", "UTC")
					.with(user(learner))
					.with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(TEXT_ERROR)));
		}
		assertThat(
				this.jdbc.queryForObject("select display_name from app_user where id = ?", String.class, learner.id()))
			.isEqualTo(learner.getDisplayName());
	}

	@Test
	void aCohortNameRefusesControlAndDirectionCharactersOnItsPagesAndInTheApi() throws Exception {
		AccountUser admin = this.fixtures.admin();
		for (String bad : BAD_LINES) {
			this.mvc
				.perform(post("/admin/cohorts").param("name", bad)
					.param("curriculum", CURRICULUM)
					.param("startDate", "2027-01-04")
					.with(fullLogin(admin))
					.with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(TEXT_ERROR)));
			this.mvc
				.perform(post("/api/v1/cohorts").contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"" + bad.replace("\u0000", "\\u0000").replace("\r", "\\r").replace("\n", "\\n")
							+ "\",\"curriculum\":\"" + CURRICULUM + "\",\"startDate\":\"2027-01-04\"}")
					.with(fullLogin(admin))
					.with(csrf()))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("name"));
		}
		assertThat(this.jdbc.queryForObject(
				"select count(*) from cohort where name like 'nul%' or name like 'two%' or name like 'mirror%'",
				Integer.class))
			.isZero();
	}

	@Test
	void anEvidenceNoteTakesLineBreaksButNoOtherControlOrDirectionCharacters() throws Exception {
		AccountUser learner = this.fixtures.learner();
		this.mvc.perform(post("/curricula/{slug}/enrollment", CURRICULUM).with(user(learner)).with(csrf()));
		long task = this.jdbc.queryForObject(
				"select min(i.id) from curriculum_item i join week w on w.id = i.week_id join curriculum c "
						+ "on c.id = w.curriculum_id where c.slug = ? and w.number = 1 and i.kind = 'TASK'",
				Long.class, CURRICULUM);
		for (String bad : List.of("nul\u0000note", "mirror\u202Eeton", "bell\u0007", "escape\u001B[31m",
				"c1\u0085control")) {
			this.mvc
				.perform(post("/curricula/{slug}/items/{id}/evidence", CURRICULUM, task)
					.param("url", "https://github.com/example/project")
					.param("note", bad)
					.with(user(learner))
					.with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(TEXT_ERROR)));
		}
		assertThat(this.jdbc.queryForObject("select count(*) from evidence where learner_id = ?", Integer.class,
				learner.id()))
			.isZero();
		this.mvc
			.perform(post("/curricula/{slug}/items/{id}/evidence", CURRICULUM, task)
				.param("url", "https://github.com/example/project")
				.param("note", "First line\r\n\tand an indented second")
				.with(user(learner))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void searchesAndLoginsWithControlCharactersFindNoOneWithoutAnError() throws Exception {
		AccountUser admin = this.fixtures.admin();
		this.mvc.perform(get("/admin/users").param("q", "a\u0000b").with(fullLogin(admin))).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/admin/users").param("q", "a\u0000b").with(fullLogin(admin)))
			.andExpect(status().isOk());
		this.mvc.perform(
				post("/login").param("username", "nul\u0000user").param("password", TestAccounts.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
	}

	private int enrollments(AccountUser learner) {
		return this.jdbc.queryForObject("select count(*) from enrollment where learner_id = ?", Integer.class,
				learner.id());
	}

}
