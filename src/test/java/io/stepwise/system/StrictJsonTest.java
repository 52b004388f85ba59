package io.stepwise.system;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.stepwise.account.AccountUser;
import io.stepwise.cohort.CohortFixtures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.stepwise.support.FullLogin.fullLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * JSON bodies are read as written: wrong types, unknown members and broken documents are
 * 400 problem details saying what was wrong, without quoting the body or the parser, and
 * nothing is written.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(CohortFixtures.class)
class StrictJsonTest {

	private static final String CURRICULUM = CohortFixtures.SYLLABUS;

	@Autowired
	MockMvc mvc;

	@Autowired
	CohortFixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aCheckOffTakesOnlyTheBooleansTrueAndFalse() throws Exception {
		AccountUser learner = this.fixtures.learner();
		this.mvc.perform(post("/api/v1/curricula/{slug}/enrollment", CURRICULUM).with(user(learner)).with(csrf()))
			.andExpect(status().isCreated());
		long item = this.jdbc
			.queryForObject("select min(i.id) from curriculum_item i join week w on w.id = i.week_id join curriculum c "
					+ "on c.id = w.curriculum_id where c.slug = ? and w.number = 1", Long.class, CURRICULUM);
		for (String body : new String[] { "{\"done\":\"true\"}", "{\"done\":2}", "{\"done\":1}", "{\"done\":\"yes\"}",
				"{\"done\":[true]}", "{\"done\":{}}" }) {
			refused(json(put("/api/v1/me/progress/{slug}/items/{id}", CURRICULUM, item), body, learner))
				.andExpect(jsonPath("$.errors[0].field").value("done"))
				.andExpect(jsonPath("$.errors[0].message").value("Must be true or false."));
		}
		refused(json(put("/api/v1/me/progress/{slug}/items/{id}", CURRICULUM, item), "{\"done\":true,\"why\":1}",
				learner))
			.andExpect(jsonPath("$.detail").value("Unknown member in the request body."))
			.andExpect(jsonPath("$.errors[0].field").value("why"));
		refused(json(put("/api/v1/me/progress/{slug}/items/{id}", CURRICULUM, item), "{\"done\":true,\"done\":false}",
				learner));
		refused(json(put("/api/v1/me/progress/{slug}/items/{id}", CURRICULUM, item), "{\"done\":true} {}", learner));
		refused(json(put("/api/v1/me/progress/{slug}/items/{id}", CURRICULUM, item), "{\"done\":tru", learner))
			.andExpect(jsonPath("$.detail").value(containsString("Malformed JSON")));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from check_off c join enrollment e on e.id = c.enrollment_id where e.learner_id = ?",
				Integer.class, learner.id()))
			.isZero();
		// the same body, well typed, is taken
		this.mvc
			.perform(json(put("/api/v1/me/progress/{slug}/items/{id}", CURRICULUM, item), "{\"done\":true}", learner))
			.andExpect(status().isOk());
	}

	@Test
	void anEnrollmentRefusesADateOfTheWrongTypeAndUnknownMembers() throws Exception {
		AccountUser learner = this.fixtures.learner();
		for (String body : new String[] { "{\"startDate\":true}", "{\"startDate\":{\"year\":2026}}",
				"{\"start\":\"2026-09-07\"}", "[\"2026-09-07\"]", "{\"startDate\":\"7 Sep 2026\"}", "{" }) {
			refused(json(post("/api/v1/curricula/{slug}/enrollment", CURRICULUM), body, learner));
		}
		assertThat(this.jdbc.queryForObject("select count(*) from enrollment where learner_id = ?", Integer.class,
				learner.id()))
			.isZero();
	}

	@Test
	void aNewCohortRefusesNumbersAndObjectsForItsNameAndTextForItsDate() throws Exception {
		AccountUser admin = this.fixtures.admin();
		String name = "strict-" + UUID.randomUUID();
		for (String body : new String[] {
				"{\"name\":5,\"curriculum\":\"" + CURRICULUM + "\",\"startDate\":\"2026-09-07\"}",
				"{\"name\":{\"text\":\"" + name + "\"},\"curriculum\":\"" + CURRICULUM
						+ "\",\"startDate\":\"2026-09-07\"}",
				"{\"name\":\"" + name + "\",\"curriculum\":\"" + CURRICULUM
						+ "\",\"startDate\":\"2026-09-07\",\"id\":7}",
				"{\"name\":\"" + name + "\",\"curriculum\":[\"" + CURRICULUM + "\"],\"startDate\":\"2026-09-07\"}" }) {
			refused(json(post("/api/v1/cohorts"), body, admin));
		}
		refused(json(post("/api/v1/cohorts"),
				"{\"name\":5,\"curriculum\":\"" + CURRICULUM + "\",\"startDate\":\"2026-09-07\"}", admin))
			.andExpect(jsonPath("$.errors[0].field").value("name"))
			.andExpect(jsonPath("$.errors[0].message").value("Must be a text."));
		assertThat(this.jdbc.queryForObject("select count(*) from cohort where name like 'strict-%' or name = '5'",
				Integer.class))
			.isZero();
	}

	@Test
	void aUserChangeRefusesTextForABooleanAndBrokenDocuments() throws Exception {
		AccountUser admin = this.fixtures.admin();
		AccountUser learner = this.fixtures.learner();
		for (String body : new String[] { "{\"enabled\":\"false\"}", "{\"enabled\":0}", "{\"enabled\":false,}",
				"{\"enabled\":false} x", "{\"role\":1}" }) {
			refused(json(patch("/api/v1/admin/users/{username}", learner.getUsername()), body, admin));
		}
		assertThat(this.jdbc.queryForObject("select enabled from app_user where id = ?", Boolean.class, learner.id()))
			.isTrue();
		assertThat(this.jdbc.queryForObject("select role from app_user where id = ?", String.class, learner.id()))
			.isEqualTo("LEARNER");
	}

	private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body, AccountUser as) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body).with(fullLogin(as)).with(csrf());
	}

	private ResultActions refused(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(content().string(not(containsString("tools.jackson"))))
			.andExpect(content().string(not(containsString("Exception"))))
			.andExpect(content().string(not(containsString("\tat "))));
	}

}
