package io.stepwise.cohort;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.stepwise.account.AccountUser;
import io.stepwise.cohort.CohortFixtures.TestCohort;
import io.stepwise.curriculum.CurriculumCatalog;
import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.curriculum.CurriculumTree.TaskView;
import io.stepwise.progress.Enrollments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.stepwise.support.FullLogin.fullLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The cohort API: who may call what, the shapes of the answers, and what writes store.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(CohortFixtures.class)
class CohortApiTest {

	private static final LocalDate START = LocalDate.of(2027, 3, 1);

	@Autowired
	MockMvc mvc;

	@Autowired
	CohortFixtures fixtures;

	@Autowired
	CurriculumCatalog catalog;

	@Autowired
	Enrollments enrollments;

	@Autowired
	JdbcTemplate jdbc;

	AccountUser admin;

	@BeforeEach
	void newAdmin() {
		this.admin = this.fixtures.admin();
	}

	// Who may call what

	@Test
	void writesAreUnauthorizedForAnonymousCallersAndForbiddenToLearnersAndMentors() throws Exception {
		AccountUser mentor = this.fixtures.mentor();
		AccountUser learner = this.fixtures.learner();
		AccountUser other = this.fixtures.learner();
		TestCohort cohort = this.fixtures.cohort(START, mentor);
		this.fixtures.addLearner(cohort, learner);
		String name = "Refused " + UUID.randomUUID();
		String prefix = "/api/v1/cohorts/" + cohort.id();
		List<Supplier<MockHttpServletRequestBuilder>> calls = List.of(
				() -> post("/api/v1/cohorts").contentType(MediaType.APPLICATION_JSON)
					.content(createBody(name, CohortFixtures.SYLLABUS, "2027-01-01")),
				() -> get(prefix), () -> post(prefix + "/invite-code"),
				() -> put(prefix + "/mentors/" + other.getUsername()),
				() -> delete(prefix + "/mentors/" + mentor.getUsername()),
				() -> put(prefix + "/learners/" + other.getUsername()),
				() -> delete(prefix + "/learners/" + learner.getUsername()));
		for (Supplier<MockHttpServletRequestBuilder> call : calls) {
			this.mvc.perform(call.get().with(csrf()))
				.andExpect(status().isUnauthorized())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
			for (AccountUser caller : List.of(learner, mentor)) {
				this.mvc.perform(call.get().with(csrf()).with(user(caller)))
					.andExpect(status().isForbidden())
					.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
			}
		}
		assertThat(this.fixtures.inviteCode(cohort)).isEqualTo(cohort.inviteCode());
		assertThat(this.jdbc.queryForObject("select count(*) from cohort where name = ?", Long.class, name)).isZero();
		assertThat(mentorIds(cohort)).containsExactly(mentor.id());
		assertThat(learnerIds(cohort)).containsExactly(learner.id());
	}

	@Test
	void readsAreUnauthorizedForAnonymousCallersAndForbiddenToLearners() throws Exception {
		TestCohort cohort = this.fixtures.cohort(START);
		AccountUser learner = this.fixtures.learner();
		this.fixtures.addLearner(cohort, learner);
		for (String path : List.of("/api/v1/cohorts", "/api/v1/cohorts/" + cohort.id() + "/progress")) {
			this.mvc.perform(get(path)).andExpect(status().isUnauthorized());
			this.mvc.perform(get(path).with(user(learner)))
				.andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}
	}

	@Test
	void aMentorOfOneCohortFindsNoOtherCohortsProgress() throws Exception {
		AccountUser mentorA = this.fixtures.mentor();
		AccountUser mentorB = this.fixtures.mentor();
		TestCohort a = this.fixtures.cohort(START, mentorA);
		TestCohort b = this.fixtures.cohort(START, mentorB);
		this.fixtures.addLearner(b, this.fixtures.learner());
		this.mvc.perform(get("/api/v1/cohorts/{id}/progress", b.id()).with(user(mentorA)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404));
		this.mvc.perform(get("/api/v1/cohorts/{id}/progress", Long.MAX_VALUE).with(user(mentorA)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/cohorts").with(user(mentorA)))
			.andExpect(jsonPath("$[*].id", hasItem((int) a.id())))
			.andExpect(jsonPath("$[*].id", not(hasItem((int) b.id()))));
	}

	@Test
	void aMentorWhoseRoleWasTakenAwayIsForbiddenOnTheNextCallWithoutLoggingOut() throws Exception {
		AccountUser mentor = this.fixtures.mentor();
		TestCohort cohort = this.fixtures.cohort(START, mentor);
		this.mvc.perform(get("/api/v1/cohorts").with(user(mentor))).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/cohorts/{id}/progress", cohort.id()).with(user(mentor)))
			.andExpect(status().isOk());

		this.jdbc.update("update app_user set role = 'LEARNER' where id = ?", mentor.id());

		// The same principal as before: the session still says MENTOR.
		for (String path : List.of("/api/v1/cohorts", "/api/v1/cohorts/" + cohort.id() + "/progress")) {
			this.mvc.perform(get(path).with(user(mentor)))
				.andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(403));
		}
	}

	@Test
	void aRemovedMentorFindsTheCohortNoMore() throws Exception {
		AccountUser mentor = this.fixtures.mentor();
		TestCohort cohort = this.fixtures.cohort(START, mentor);
		this.mvc
			.perform(delete("/api/v1/cohorts/{id}/mentors/{u}", cohort.id(), mentor.getUsername())
				.with(fullLogin(this.admin))
				.with(csrf()))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/v1/cohorts/{id}/progress", cohort.id()).with(user(mentor)))
			.andExpect(status().isNotFound());
	}

	// Reads

	@Test
	void theListShowsAMentorTheirCohortsAndAnAdminEveryCohortWithTheirNumbers() throws Exception {
		AccountUser mentor = this.fixtures.mentor();
		TestCohort mine = this.fixtures.cohort(START, mentor);
		TestCohort other = this.fixtures.cohort(CohortFixtures.ROADMAP, START);
		this.fixtures.addLearner(mine, this.fixtures.learner());
		this.fixtures.addLearner(mine, this.fixtures.learner());
		this.mvc.perform(get("/api/v1/cohorts").with(user(mentor)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].id").value(mine.id()))
			.andExpect(jsonPath("$[0].name").value(mine.name()))
			.andExpect(jsonPath("$[0].curriculum").value(CohortFixtures.SYLLABUS))
			.andExpect(jsonPath("$[0].startDate").value("2027-03-01"))
			.andExpect(jsonPath("$[0].size").value(2))
			.andExpect(jsonPath("$[0].averagePercent").value(0))
			.andExpect(jsonPath("$[0].behind").value(0))
			.andExpect(jsonPath("$[0].inactive").isNumber())
			.andExpect(jsonPath("$[0].reviewsWaiting").value(0));
		this.mvc.perform(get("/api/v1/cohorts").with(fullLogin(this.admin)))
			.andExpect(jsonPath("$[*].id", hasItem((int) mine.id())))
			.andExpect(jsonPath("$[*].id", hasItem((int) other.id())))
			.andExpect(jsonPath("$[?(@.id == " + other.id() + ")].curriculum").value(CohortFixtures.ROADMAP));
	}

	@Test
	void progressHasARowPerLearnerWithPaceAndACellPerWeek() throws Exception {
		LocalDate threeWeeksAgo = LocalDate.now(ZoneOffset.UTC).minusWeeks(3);
		AccountUser mentor = this.fixtures.mentor();
		TestCohort cohort = this.fixtures.cohort(threeWeeksAgo, mentor);
		AccountUser ahead = this.fixtures.learner();
		AccountUser starting = this.fixtures.learner();
		this.fixtures.addLearner(cohort, ahead);
		this.fixtures.addLearner(cohort, starting);
		CurriculumTree syllabus = this.catalog.tree(CohortFixtures.SYLLABUS).orElseThrow();
		Instant finished = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		for (TaskView task : syllabus.week(1).orElseThrow().tasks()) {
			this.enrollments.checkOffAt(ahead.id(), syllabus.id(), task.id(), finished);
		}

		String first = "$.learners[?(@.username == '" + ahead.getUsername() + "')]";
		String second = "$.learners[?(@.username == '" + starting.getUsername() + "')]";
		this.mvc.perform(get("/api/v1/cohorts/{id}/progress", cohort.id()).with(user(mentor)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(cohort.id()))
			.andExpect(jsonPath("$.curriculum").value(CohortFixtures.SYLLABUS))
			.andExpect(jsonPath("$.learners", hasSize(2)))
			.andExpect(jsonPath(first + ".displayName").value(ahead.getDisplayName()))
			.andExpect(jsonPath(first + ".enrolled").value(true))
			.andExpect(jsonPath(first + ".percent").value(hasItem(org.hamcrest.Matchers.greaterThan(0))))
			.andExpect(jsonPath(first + ".currentWeek").value(2))
			// Due on week 4 after three weeks: two behind, and three for week 1.
			.andExpect(jsonPath(first + ".paceWeeks").value(-2))
			.andExpect(jsonPath(second + ".paceWeeks").value(-3))
			.andExpect(jsonPath(first + ".lastActivity").value(hasItem(not(nullValue()))))
			.andExpect(jsonPath(first + ".reviewsWaiting").value(0))
			.andExpect(jsonPath(first + ".weeks[0].number").value(1))
			.andExpect(jsonPath(first + ".weeks[0].state").value("finished"))
			.andExpect(jsonPath(first + ".weeks[0].finishedAt").value(finished.toString()))
			.andExpect(jsonPath(first + ".weeks[1].state").value("not_started"))
			.andExpect(jsonPath(first + ".weeks[2].state").value("locked"))
			.andExpect(jsonPath(first + ".weeks[2].finishedAt").value(hasItem(nullValue())))
			.andExpect(jsonPath(second + ".weeks[0].state").value("not_started"))
			.andExpect(jsonPath(second + ".currentWeek").value(1))
			.andExpect(jsonPath("$.learners[0].weeks", hasSize(syllabus.weekCount())));
	}

	@Test
	void progressTakesTheFiltersAndSortOfTheCohortPage() throws Exception {
		AccountUser mentor = this.fixtures.mentor();
		TestCohort cohort = this.fixtures.cohort(LocalDate.now(ZoneOffset.UTC).minusWeeks(3), mentor);
		AccountUser ahead = this.fixtures.learner();
		AccountUser starting = this.fixtures.learner();
		this.fixtures.addLearner(cohort, ahead);
		this.fixtures.addLearner(cohort, starting);
		CurriculumTree syllabus = this.catalog.tree(CohortFixtures.SYLLABUS).orElseThrow();
		for (TaskView task : syllabus.week(1).orElseThrow().tasks()) {
			this.enrollments.checkOffAt(ahead.id(), syllabus.id(), task.id(), Instant.now());
		}
		this.mvc.perform(get("/api/v1/cohorts/{id}/progress", cohort.id()).param("week", "2").with(user(mentor)))
			.andExpect(jsonPath("$.learners", hasSize(1)))
			.andExpect(jsonPath("$.learners[0].username").value(ahead.getUsername()));
		this.mvc
			.perform(get("/api/v1/cohorts/{id}/progress", cohort.id()).param("sort", "-progress").with(user(mentor)))
			.andExpect(jsonPath("$.learners[0].username").value(ahead.getUsername()))
			.andExpect(jsonPath("$.learners[1].username").value(starting.getUsername()));
		this.mvc.perform(get("/api/v1/cohorts/{id}/progress", cohort.id()).param("sort", "progress").with(user(mentor)))
			.andExpect(jsonPath("$.learners[0].username").value(starting.getUsername()));
		this.mvc.perform(get("/api/v1/cohorts/{id}/progress", cohort.id()).param("behind", "true").with(user(mentor)))
			.andExpect(jsonPath("$.learners", hasSize(2)));
		TestCohort future = this.fixtures.cohort(LocalDate.now(ZoneOffset.UTC).plusWeeks(1), mentor);
		this.fixtures.addLearner(future, this.fixtures.learner());
		this.mvc.perform(get("/api/v1/cohorts/{id}/progress", future.id()).param("behind", "true").with(user(mentor)))
			.andExpect(jsonPath("$.learners", hasSize(0)));
	}

	// Writes

	@Test
	void creatingACohortAnswers201WithItsLocationIdAndInviteCode() throws Exception {
		String name = "Api " + UUID.randomUUID().toString().substring(0, 8);
		MvcResult result = this.mvc
			.perform(post("/api/v1/cohorts").with(fullLogin(this.admin))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(createBody(name, CohortFixtures.ROADMAP, "2027-09-06")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").isNumber())
			.andExpect(jsonPath("$.name").value(name))
			.andExpect(jsonPath("$.curriculum").value(CohortFixtures.ROADMAP))
			.andExpect(jsonPath("$.startDate").value("2027-09-06"))
			.andExpect(jsonPath("$.inviteCode").isString())
			.andReturn();
		long id = this.jdbc.queryForObject("select id from cohort where name = ?", Long.class, name);
		String code = this.jdbc.queryForObject("select invite_code from cohort where id = ?", String.class, id);
		assertThat(result.getResponse().getHeader("Location")).endsWith("/api/v1/cohorts/" + id);
		assertThat(result.getResponse().getContentAsString()).contains("\"inviteCode\":\"" + code + "\"",
				"\"id\":" + id);
		this.mvc.perform(get(result.getResponse().getHeader("Location")).with(fullLogin(this.admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.inviteCode").value(code))
			.andExpect(jsonPath("$.size").value(0))
			.andExpect(jsonPath("$.mentors", hasSize(0)));
	}

	@Test
	void badInputToCreateIsA400ProblemNamingTheFieldAndStoresNothing() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		record Case(String body, String field) {
		}
		List<Case> cases = List.of(new Case(createBody(" ", CohortFixtures.SYLLABUS, "2027-01-01"), "name"),
				new Case(createBody("Bell\\u0007" + tag, CohortFixtures.SYLLABUS, "2027-01-01"), "name"),
				new Case(createBody("x".repeat(101), CohortFixtures.SYLLABUS, "2027-01-01"), "name"),
				new Case(createBody("Unknown " + tag, "no-such-curriculum", "2027-01-01"), "curriculum"),
				new Case("{\"name\":\"No curriculum " + tag + "\",\"startDate\":\"2027-01-01\"}", "curriculum"),
				new Case(createBody("Early " + tag, CohortFixtures.SYLLABUS, "1999-12-31"), "startDate"),
				new Case(createBody("Late " + tag, CohortFixtures.SYLLABUS, "2101-01-01"), "startDate"),
				new Case("{\"name\":\"No date " + tag + "\",\"curriculum\":\"" + CohortFixtures.SYLLABUS + "\"}",
						"startDate"));
		long before = this.jdbc.queryForObject("select count(*) from cohort", Long.class);
		for (Case bad : cases) {
			this.mvc
				.perform(post("/api/v1/cohorts").with(fullLogin(this.admin))
					.with(csrf())
					.contentType(MediaType.APPLICATION_JSON)
					.content(bad.body()))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(400))
				.andExpect(jsonPath("$.errors[*].field", hasItem(bad.field())))
				.andExpect(jsonPath("$.errors[0].message").isNotEmpty());
		}
		// A date that is no date at all, and no body.
		this.mvc
			.perform(post("/api/v1/cohorts").with(fullLogin(this.admin))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(createBody("Typo " + tag, CohortFixtures.SYLLABUS, "2027-02-30")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc
			.perform(post("/api/v1/cohorts").with(fullLogin(this.admin))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isBadRequest());
		assertThat(this.jdbc.queryForObject("select count(*) from cohort", Long.class)).isEqualTo(before);
	}

	@Test
	void puttingAndDeletingAMentorIsIdempotentAndGrantsTheMentorRole() throws Exception {
		TestCohort cohort = this.fixtures.cohort(START);
		AccountUser learner = this.fixtures.learner();
		for (int i = 0; i < 2; i++) {
			this.mvc
				.perform(put("/api/v1/cohorts/{id}/mentors/{u}", cohort.id(), learner.getUsername())
					.with(fullLogin(this.admin))
					.with(csrf()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.username").value(learner.getUsername()))
				.andExpect(jsonPath("$.displayName").value(learner.getDisplayName()))
				.andExpect(jsonPath("$.role").value("MENTOR"));
		}
		assertThat(mentorIds(cohort)).containsExactly(learner.id());
		assertThat(role(learner)).isEqualTo("MENTOR");
		for (int i = 0; i < 2; i++) {
			this.mvc
				.perform(delete("/api/v1/cohorts/{id}/mentors/{u}", cohort.id(), learner.getUsername())
					.with(fullLogin(this.admin))
					.with(csrf()))
				.andExpect(status().isNoContent());
		}
		assertThat(mentorIds(cohort)).isEmpty();
		assertThat(role(learner)).isEqualTo("MENTOR");
	}

	@Test
	void puttingALearnerEnrollsThemWithTheCohortsStartDateAndDeletingKeepsTheEnrollment() throws Exception {
		TestCohort cohort = this.fixtures.cohort(START);
		AccountUser learner = this.fixtures.learner();
		AccountUser enrolled = this.fixtures.learner();
		LocalDate own = LocalDate.of(2026, 9, 7);
		this.enrollments.enrollIfAbsent(enrolled.id(), this.catalog.idOf(CohortFixtures.SYLLABUS).orElseThrow(), own);
		for (AccountUser user : List.of(learner, learner, enrolled)) {
			this.mvc
				.perform(put("/api/v1/cohorts/{id}/learners/{u}", cohort.id(), user.getUsername())
					.with(fullLogin(this.admin))
					.with(csrf()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.username").value(user.getUsername()))
				.andExpect(jsonPath("$.role").value("LEARNER"));
		}
		assertThat(learnerIds(cohort)).containsExactlyInAnyOrder(learner.id(), enrolled.id());
		assertThat(enrollmentStart(learner)).isEqualTo(START);
		assertThat(enrollmentStart(enrolled)).isEqualTo(own);
		for (int i = 0; i < 2; i++) {
			this.mvc
				.perform(delete("/api/v1/cohorts/{id}/learners/{u}", cohort.id(), learner.getUsername())
					.with(fullLogin(this.admin))
					.with(csrf()))
				.andExpect(status().isNoContent());
		}
		assertThat(learnerIds(cohort)).containsExactly(enrolled.id());
		assertThat(enrollmentStart(learner)).isEqualTo(START);
	}

	@Test
	void anUnknownUserOrCohortIsA404ProblemAndNothingIsStored() throws Exception {
		TestCohort cohort = this.fixtures.cohort(START);
		AccountUser learner = this.fixtures.learner();
		String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
		for (String members : List.of("mentors", "learners")) {
			this.mvc
				.perform(put("/api/v1/cohorts/{id}/{m}/{u}", cohort.id(), members, nobody).with(fullLogin(this.admin))
					.with(csrf()))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value("No user '" + nobody + "'"));
			this.mvc
				.perform(
						delete("/api/v1/cohorts/{id}/{m}/{u}", cohort.id(), members, nobody).with(fullLogin(this.admin))
							.with(csrf()))
				.andExpect(status().isNotFound());
			this.mvc
				.perform(put("/api/v1/cohorts/{id}/{m}/{u}", Long.MAX_VALUE, members, learner.getUsername())
					.with(fullLogin(this.admin))
					.with(csrf()))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}
		this.mvc
			.perform(post("/api/v1/cohorts/{id}/invite-code", Long.MAX_VALUE).with(fullLogin(this.admin)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/cohorts/{id}", Long.MAX_VALUE).with(fullLogin(this.admin)))
			.andExpect(status().isNotFound());
		assertThat(mentorIds(cohort)).isEmpty();
		assertThat(learnerIds(cohort)).isEmpty();
		assertThat(role(learner)).isEqualTo("LEARNER");
	}

	@Test
	void regeneratingTheInviteCodeAnswersTheNewOneAndTheOldLinkIsGone() throws Exception {
		TestCohort cohort = this.fixtures.cohort(START);
		String body = this.mvc
			.perform(post("/api/v1/cohorts/{id}/invite-code", cohort.id()).with(fullLogin(this.admin)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Location"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String fresh = this.fixtures.inviteCode(cohort);
		assertThat(body).isEqualTo("{\"inviteCode\":\"" + fresh + "\"}");
		assertThat(fresh).isNotEqualTo(cohort.inviteCode());
		AccountUser learner = this.fixtures.learner();
		this.mvc.perform(get("/join/{code}", cohort.inviteCode()).with(user(learner))).andExpect(status().isNotFound());
	}

	@Test
	void theCohortCallsAreDocumented() throws Exception {
		String docs = this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(docs).contains("\"/api/v1/cohorts\"", "\"/api/v1/cohorts/{id}/progress\"",
				"\"/api/v1/cohorts/{id}/mentors/{username}\"", "\"/api/v1/cohorts/{id}/learners/{username}\"",
				"\"/api/v1/cohorts/{id}/invite-code\"", "paceWeeks", "in_progress");
	}

	private static String createBody(String name, String curriculum, String startDate) {
		return "{\"name\":\"" + name + "\",\"curriculum\":\"" + curriculum + "\",\"startDate\":\"" + startDate + "\"}";
	}

	private List<Long> mentorIds(TestCohort cohort) {
		return this.jdbc.queryForList("select mentor_id from cohort_mentor where cohort_id = ?", Long.class,
				cohort.id());
	}

	private List<Long> learnerIds(TestCohort cohort) {
		return this.jdbc.queryForList("select learner_id from cohort_learner where cohort_id = ?", Long.class,
				cohort.id());
	}

	private String role(AccountUser user) {
		return this.jdbc.queryForObject("select role from app_user where id = ?", String.class, user.id());
	}

	private LocalDate enrollmentStart(AccountUser learner) {
		return this.jdbc.queryForObject(
				"select e.start_date from enrollment e join curriculum c on c.id = e.curriculum_id "
						+ "where e.learner_id = ? and c.slug = ?",
				LocalDate.class, learner.id(), CohortFixtures.SYLLABUS);
	}

}
