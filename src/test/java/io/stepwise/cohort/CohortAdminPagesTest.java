package io.stepwise.cohort;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.stepwise.account.AccountUser;
import io.stepwise.cohort.CohortFixtures.TestCohort;
import io.stepwise.curriculum.CurriculumCatalog;
import io.stepwise.progress.Enrollments;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The admin pages of cohorts: who may use them, and what each form stores or refuses. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(CohortFixtures.class)
class CohortAdminPagesTest {

	private static final LocalDate START = LocalDate.of(2027, 3, 1);

	@Autowired
	MockMvc mvc;

	@Autowired
	CohortFixtures fixtures;

	@Autowired
	CohortService service;

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

	// Who may use the pages

	@Test
	void adminPagesSendAnonymousVisitorsToLoginAndRefuseLearnersAndMentors() throws Exception {
		AccountUser mentor = this.fixtures.mentor();
		AccountUser learner = this.fixtures.learner();
		TestCohort cohort = this.fixtures.cohort(START, mentor);
		this.fixtures.addLearner(cohort, learner);
		List<String> pages = List.of("/admin", "/admin/cohorts", "/admin/cohorts/" + cohort.id(),
				"/admin/cohorts/" + cohort.id() + "/learners/" + learner.getUsername() + "/remove");
		for (String page : pages) {
			this.mvc.perform(get(page).accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
			this.mvc.perform(get(page).with(user(learner))).andExpect(status().isForbidden());
			// Even the cohort's own mentor: the mentor view is elsewhere.
			this.mvc.perform(get(page).with(user(mentor))).andExpect(status().isForbidden());
		}
	}

	@Test
	void adminWritesSendAnonymousVisitorsToLoginRefuseLearnersAndMentorsAndStoreNothing() throws Exception {
		AccountUser mentor = this.fixtures.mentor();
		AccountUser learner = this.fixtures.learner();
		AccountUser other = this.fixtures.learner();
		TestCohort cohort = this.fixtures.cohort(START, mentor);
		this.fixtures.addLearner(cohort, learner);
		Map<String, Object> before = cohortRow(cohort.id());
		String prefix = "/admin/cohorts/" + cohort.id();
		String name = "Refused " + UUID.randomUUID();
		// Suppliers: a request builder keeps what is added to it, so each call needs a
		// new one.
		List<Supplier<MockHttpServletRequestBuilder>> writes = List.of(
				() -> post("/admin/cohorts").param("name", name)
					.param("curriculum", CohortFixtures.SYLLABUS)
					.param("startDate", "2027-01-01"),
				() -> post(prefix).param("name", name).param("startDate", "2027-01-01").param("version", "0"),
				() -> post(prefix + "/mentors").param("user", other.getUsername()),
				() -> post(prefix + "/mentors/" + mentor.getUsername() + "/remove"),
				() -> post(prefix + "/learners").param("user", other.getUsername()),
				() -> post(prefix + "/learners/" + learner.getUsername() + "/remove"),
				() -> post(prefix + "/invite-code"));
		for (Supplier<MockHttpServletRequestBuilder> write : writes) {
			this.mvc.perform(write.get().with(csrf()).accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
			this.mvc.perform(write.get().with(csrf()).with(user(learner))).andExpect(status().isForbidden());
			this.mvc.perform(write.get().with(csrf()).with(user(mentor))).andExpect(status().isForbidden());
			// And an admin's form without its CSRF token.
			this.mvc.perform(write.get().with(fullLogin(this.admin))).andExpect(status().isForbidden());
		}
		assertThat(cohortRow(cohort.id())).isEqualTo(before);
		assertThat(cohortsNamed(name)).isZero();
		assertThat(mentorIds(cohort.id())).containsExactly(mentor.id());
		assertThat(learnerIds(cohort.id())).containsExactly(learner.id());
		assertThat(role(other)).isEqualTo("LEARNER");
	}

	// The admin home and the list

	@Test
	void adminHomeLinksToTheCohortsWithTheirCountAndListsTheCurricula() throws Exception {
		this.fixtures.cohort(START);
		long count = this.jdbc.queryForObject("select count(*) from cohort", Long.class);
		Document page = page("/admin");
		assertThat(page.select("main a[href=/admin/cohorts]")).hasSize(1);
		assertThat(page.select("#admin-cohorts-heading + p").text()).contains(Long.toString(count));
		assertThat(page.select("main a[href=/curricula/" + CohortFixtures.SYLLABUS + "]")).hasSize(1);
		assertThat(page.select("main a[href=/curricula/" + CohortFixtures.ROADMAP + "]")).hasSize(1);
		assertThat(page.select("header a[href=/admin][aria-current=page]")).hasSize(1);
	}

	@Test
	void cohortListShowsNameCurriculumStartDateSizeAndMentors() throws Exception {
		AccountUser mentor = this.fixtures.mentor();
		TestCohort cohort = this.fixtures.cohort(START, mentor);
		this.fixtures.addLearner(cohort, this.fixtures.learner());
		this.fixtures.addLearner(cohort, this.fixtures.learner());
		Document page = page("/admin/cohorts");
		Element row = page.select("tbody tr:has(a[href=/admin/cohorts/" + cohort.id() + "])").first();
		assertThat(row).isNotNull();
		assertThat(row.select("th").text()).isEqualTo(cohort.name());
		assertThat(row.select("td").eachText()).containsExactly(
				this.catalog.tree(CohortFixtures.SYLLABUS).orElseThrow().title(), "2027-03-01", "2",
				mentor.getDisplayName());
		assertThat(page.select("form[action=/admin/cohorts] select[name=curriculum] option[value]").eachAttr("value"))
			.contains(CohortFixtures.SYLLABUS, CohortFixtures.ROADMAP);
	}

	// Creating

	@Test
	void creatingACohortStoresItAndOpensItsPage() throws Exception {
		String name = "Spring " + UUID.randomUUID().toString().substring(0, 8);
		MvcResult result = this.mvc
			.perform(post("/admin/cohorts").param("name", "  " + name + " ")
				.param("curriculum", CohortFixtures.ROADMAP)
				.param("startDate", "2027-09-06")
				.with(fullLogin(this.admin))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "admin.cohort.created"))
			.andReturn();
		Map<String, Object> row = this.jdbc.queryForMap("select * from cohort where name = ?", name);
		assertThat(redirected(result).select(".alert-success").text())
			.startsWith("The cohort " + name + " was created.");
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/cohorts/" + row.get("id"));
		assertThat(row.get("curriculum_id")).isEqualTo(this.catalog.idOf(CohortFixtures.ROADMAP).orElseThrow());
		assertThat(row.get("start_date").toString()).isEqualTo("2027-09-06");
		assertThat(InviteCodes.isWellFormed((String) row.get("invite_code"))).isTrue();
		assertThat(mentorIds((Long) row.get("id"))).isEmpty();
	}

	@Test
	void badInputToTheCreateFormShowsFieldErrorsAndStoresNothing() throws Exception {
		record Case(String name, String curriculum, String startDate, String field) {
		}
		String tag = UUID.randomUUID().toString().substring(0, 8);
		List<Case> cases = List.of(new Case("  ", CohortFixtures.SYLLABUS, "2027-01-01", "name"),
				new Case("Bell\u0007 " + tag, CohortFixtures.SYLLABUS, "2027-01-01", "name"),
				new Case("Mirror \u202e" + tag, CohortFixtures.SYLLABUS, "2027-01-01", "name"),
				new Case("x".repeat(101), CohortFixtures.SYLLABUS, "2027-01-01", "name"),
				new Case("Unknown " + tag, "no-such-curriculum", "2027-01-01", "curriculum"),
				new Case("Nothing chosen " + tag, "", "2027-01-01", "curriculum"),
				new Case("Too early " + tag, CohortFixtures.SYLLABUS, "1999-12-31", "startDate"),
				new Case("Too late " + tag, CohortFixtures.SYLLABUS, "2101-01-01", "startDate"),
				new Case("Typo " + tag, CohortFixtures.SYLLABUS, "20270-01-01", "startDate"),
				new Case("Not a date " + tag, CohortFixtures.SYLLABUS, "2027-02-30", "startDate"),
				new Case("No date " + tag, CohortFixtures.SYLLABUS, "", "startDate"));
		long before = this.jdbc.queryForObject("select count(*) from cohort", Long.class);
		for (Case bad : cases) {
			Document page = Jsoup.parse(
					this.mvc
						.perform(post("/admin/cohorts").param("name", bad.name())
							.param("curriculum", bad.curriculum())
							.param("startDate", bad.startDate())
							.with(fullLogin(this.admin))
							.with(csrf()))
						.andExpect(status().isOk())
						.andReturn()
						.getResponse()
						.getContentAsString());
			Element input = page.getElementById(bad.field());
			assertThat(input).as(bad.toString()).isNotNull();
			assertThat(input.attr("aria-invalid")).as(bad.toString()).isEqualTo("true");
			assertThat(input.attr("aria-describedby")).as(bad.toString()).contains(bad.field() + "-errors");
			assertThat(page.getElementById(bad.field() + "-errors").text()).as(bad.toString())
				.isNotBlank()
				.doesNotContain("Failed to convert")
				.doesNotContain("java.");
			// What the admin typed comes back, so it can be corrected.
			if (!bad.field().equals("name")) {
				assertThat(page.getElementById("name").val()).isEqualTo(bad.name());
			}
		}
		assertThat(this.jdbc.queryForObject("select count(*) from cohort", Long.class)).isEqualTo(before);
	}

	// Editing

	@Test
	void editingSavesTheNameAndStartDate() throws Exception {
		TestCohort cohort = this.fixtures.cohort(START);
		Document form = page("/admin/cohorts/" + cohort.id());
		String version = form.select("form[action=/admin/cohorts/" + cohort.id() + "] input[name=version]").val();
		this.mvc
			.perform(post("/admin/cohorts/{id}", cohort.id()).param("name", cohort.name() + " renamed")
				.param("startDate", "2027-04-05")
				.param("version", version)
				.with(fullLogin(this.admin))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/cohorts/" + cohort.id()))
			.andExpect(flash().attribute("message", "admin.cohort.saved"));
		Map<String, Object> row = cohortRow(cohort.id());
		assertThat(row.get("name")).isEqualTo(cohort.name() + " renamed");
		assertThat(row.get("start_date").toString()).isEqualTo("2027-04-05");
		assertThat(row.get("version")).isEqualTo(Long.parseLong(version) + 1);
	}

	@Test
	void aStaleEditIsAConflictThatKeepsTheInputAndShowsTheCurrentValues() throws Exception {
		TestCohort cohort = this.fixtures.cohort(START);
		long seen = (Long) cohortRow(cohort.id()).get("version");
		// Another admin saves first.
		this.service.edit(new EditCohort(cohort.id(), "Theirs", LocalDate.of(2027, 5, 3), seen));

		String html = this.mvc
			.perform(post("/admin/cohorts/{id}", cohort.id()).param("name", "Mine")
				.param("startDate", "2027-06-07")
				.param("version", Long.toString(seen))
				.with(fullLogin(this.admin))
				.with(csrf()))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document page = Jsoup.parse(html);
		assertThat(page.getElementById("edit-name").val()).isEqualTo("Mine");
		assertThat(page.getElementById("edit-startDate").val()).isEqualTo("2027-06-07");
		assertThat(page.select(".alert-warning").text()).contains("Theirs", "3 May 2027");
		assertThat(cohortRow(cohort.id()).get("name")).isEqualTo("Theirs");

		// Saving again from the page goes over the other admin's change knowingly.
		String version = page.select("input[name=version]").val();
		assertThat(Long.parseLong(version)).isEqualTo(seen + 1);
		this.mvc
			.perform(post("/admin/cohorts/{id}", cohort.id()).param("name", "Mine")
				.param("startDate", "2027-06-07")
				.param("version", version)
				.with(fullLogin(this.admin))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/cohorts/" + cohort.id()));
		assertThat(cohortRow(cohort.id()).get("name")).isEqualTo("Mine");
		assertThat(cohortRow(cohort.id()).get("start_date").toString()).isEqualTo("2027-06-07");
	}

	@Test
	void anEditWithoutAVersionIsTreatedAsStale() throws Exception {
		TestCohort cohort = this.fixtures.cohort(START);
		this.mvc
			.perform(post("/admin/cohorts/{id}", cohort.id()).param("name", "Forged")
				.param("startDate", "2027-06-07")
				.with(fullLogin(this.admin))
				.with(csrf()))
			.andExpect(status().isConflict());
		assertThat(cohortRow(cohort.id()).get("name")).isEqualTo(cohort.name());
	}

	@Test
	void badInputToTheEditFormShowsFieldErrorsAndChangesNothing() throws Exception {
		TestCohort cohort = this.fixtures.cohort(START);
		Map<String, Object> before = cohortRow(cohort.id());
		Document page = Jsoup.parse(
				this.mvc
					.perform(post("/admin/cohorts/{id}", cohort.id()).param("name", "Tab\there")
						.param("startDate", "1970-01-01")
						.param("version", before.get("version").toString())
						.with(fullLogin(this.admin))
						.with(csrf()))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString());
		assertThat(page.getElementById("edit-name-errors")).isNotNull();
		assertThat(page.getElementById("edit-startDate-errors")).isNotNull();
		assertThat(page.getElementById("edit-name").attr("aria-describedby")).contains("edit-name-errors");
		assertThat(cohortRow(cohort.id())).isEqualTo(before);
	}

	@Test
	void editingAMissingCohortIsNotFound() throws Exception {
		this.mvc
			.perform(post("/admin/cohorts/{id}", Long.MAX_VALUE).param("name", "Gone")
				.param("startDate", "2027-06-07")
				.param("version", "0")
				.with(fullLogin(this.admin))
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/cohorts/{id}", Long.MAX_VALUE).with(fullLogin(this.admin)))
			.andExpect(status().isNotFound());
	}

	// Mentors

	@Test
	void addingALearnerAsMentorMakesThemAMentorAndRemovingKeepsTheirRole() throws Exception {
		TestCohort cohort = this.fixtures.cohort(START);
		AccountUser byName = this.fixtures.learner();
		AccountUser byEmail = this.fixtures.learner();
		MvcResult added = this.mvc
			.perform(post("/admin/cohorts/{id}/mentors", cohort.id()).param("user", byName.getUsername())
				.with(fullLogin(this.admin))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/cohorts/" + cohort.id()))
			.andExpect(flash().attribute("message", "admin.cohort.mentor.added"))
			.andReturn();
		assertThat(redirected(added).select(".alert-success").text())
			.isEqualTo(byName.getDisplayName() + " is now a mentor of this cohort.");
		this.mvc
			.perform(post("/admin/cohorts/{id}/mentors", cohort.id())
				.param("user", byEmail.getUsername().toUpperCase() + "@EXAMPLE.ORG")
				.with(fullLogin(this.admin))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/cohorts/" + cohort.id()));
		assertThat(mentorIds(cohort.id())).containsExactlyInAnyOrder(byName.id(), byEmail.id());
		assertThat(role(byName)).isEqualTo("MENTOR");
		assertThat(role(byEmail)).isEqualTo("MENTOR");

		Document page = page("/admin/cohorts/" + cohort.id());
		assertThat(page.select("form[action$=/mentors/" + byName.getUsername() + "/remove] button")).hasSize(1);

		this.mvc
			.perform(post("/admin/cohorts/{id}/mentors/{username}/remove", cohort.id(), byName.getUsername())
				.with(fullLogin(this.admin))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/cohorts/" + cohort.id()))
			.andExpect(flash().attribute("message", "admin.cohort.mentor.removed"));
		assertThat(mentorIds(cohort.id())).containsExactly(byEmail.id());
		assertThat(role(byName)).isEqualTo("MENTOR");
	}

	@Test
	void addingAnAdminAsMentorKeepsTheirRole() throws Exception {
		TestCohort cohort = this.fixtures.cohort(START);
		AccountUser other = this.fixtures.admin();
		this.mvc
			.perform(post("/admin/cohorts/{id}/mentors", cohort.id()).param("user", other.getUsername())
				.with(fullLogin(this.admin))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(role(other)).isEqualTo("ADMIN");
		assertThat(mentorIds(cohort.id())).containsExactly(other.id());
	}

	@Test
	void anUnknownUserIsAFieldErrorNamingWhatWasEnteredAndNothingIsStored() throws Exception {
		TestCohort cohort = this.fixtures.cohort(START);
		String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
		for (String form : List.of("mentor", "learner")) {
			for (String entered : List.of(nobody, nobody + "@example.org")) {
				Document page = Jsoup.parse(
						this.mvc
							.perform(post("/admin/cohorts/{id}/{form}s", cohort.id(), form).param("user", entered)
								.with(fullLogin(this.admin))
								.with(csrf()))
							.andExpect(status().isOk())
							.andReturn()
							.getResponse()
							.getContentAsString());
				Element input = page.getElementById(form + "-user");
				assertThat(input.val()).isEqualTo(entered);
				assertThat(input.attr("aria-describedby")).contains(form + "-user-errors");
				assertThat(page.getElementById(form + "-user-errors").text()).contains("\u201c" + entered + "\u201d");
			}
		}
		Document blank = Jsoup.parse(
				this.mvc
					.perform(post("/admin/cohorts/{id}/learners", cohort.id()).param("user", " ")
						.with(fullLogin(this.admin))
						.with(csrf()))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString());
		assertThat(blank.getElementById("learner-user-errors")).isNotNull();
		assertThat(mentorIds(cohort.id())).isEmpty();
		assertThat(learnerIds(cohort.id())).isEmpty();
	}

	// Learners

	@Test
	void addingALearnerEnrollsThemWithTheCohortsStartDate() throws Exception {
		TestCohort cohort = this.fixtures.cohort(START);
		AccountUser learner = this.fixtures.learner();
		this.mvc
			.perform(post("/admin/cohorts/{id}/learners", cohort.id()).param("user", learner.getUsername())
				.with(fullLogin(this.admin))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/cohorts/" + cohort.id()))
			.andExpect(flash().attribute("message", "admin.cohort.learner.added"));
		assertThat(learnerIds(cohort.id())).containsExactly(learner.id());
		assertThat(enrollmentStart(learner, CohortFixtures.SYLLABUS)).isEqualTo(START);
		assertThat(role(learner)).isEqualTo("LEARNER");
		Document page = page("/admin/cohorts/" + cohort.id());
		assertThat(page.select("tbody td").eachText()).contains(learner.getDisplayName(), learner.getUsername());
	}

	@Test
	void addingALearnerWhoFollowsTheCurriculumAlreadyKeepsTheirOwnStartDate() throws Exception {
		TestCohort cohort = this.fixtures.cohort(START);
		AccountUser learner = this.fixtures.learner();
		LocalDate own = LocalDate.of(2026, 11, 2);
		this.enrollments.enrollIfAbsent(learner.id(), this.catalog.idOf(CohortFixtures.SYLLABUS).orElseThrow(), own);
		this.mvc
			.perform(post("/admin/cohorts/{id}/learners", cohort.id()).param("user", learner.getUsername())
				.with(fullLogin(this.admin))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(learnerIds(cohort.id())).containsExactly(learner.id());
		assertThat(enrollmentStart(learner, CohortFixtures.SYLLABUS)).isEqualTo(own);
		assertThat(this.jdbc.queryForObject("select count(*) from enrollment where learner_id = ?", Long.class,
				learner.id()))
			.isOne();
	}

	@Test
	void addingALearnerTwiceKeepsOneMembership() throws Exception {
		TestCohort cohort = this.fixtures.cohort(START);
		AccountUser learner = this.fixtures.learner();
		for (int i = 0; i < 2; i++) {
			this.mvc
				.perform(post("/admin/cohorts/{id}/learners", cohort.id()).param("user", learner.getUsername())
					.with(fullLogin(this.admin))
					.with(csrf()))
				.andExpect(status().is3xxRedirection());
		}
		assertThat(learnerIds(cohort.id())).containsExactly(learner.id());
	}

	@Test
	void removingALearnerAsksFirstAndKeepsTheirEnrollment() throws Exception {
		TestCohort cohort = this.fixtures.cohort(START);
		AccountUser learner = this.fixtures.learner();
		this.fixtures.addLearner(cohort, learner);
		Document cohortPage = page("/admin/cohorts/" + cohort.id());
		String confirm = "/admin/cohorts/" + cohort.id() + "/learners/" + learner.getUsername() + "/remove";
		// The list only links to the question; it removes nobody by itself.
		assertThat(cohortPage.select("a[href=" + confirm + "]")).hasSize(1);
		assertThat(cohortPage.select("form[action=" + confirm + "]")).isEmpty();

		Document question = page(confirm);
		assertThat(question.select("h1").text()).isNotBlank();
		assertThat(question.select("main").text()).contains(learner.getDisplayName(), cohort.name());
		assertThat(question.select("form[action=" + confirm + "][method=post] button")).hasSize(1);
		assertThat(learnerIds(cohort.id())).containsExactly(learner.id());

		this.mvc.perform(post(confirm).with(fullLogin(this.admin)).with(csrf()))
			.andExpect(redirectedUrl("/admin/cohorts/" + cohort.id()))
			.andExpect(flash().attribute("message", "admin.cohort.learner.removed"));
		assertThat(learnerIds(cohort.id())).isEmpty();
		assertThat(enrollmentStart(learner, CohortFixtures.SYLLABUS)).isEqualTo(START);
		// Once gone, there is nothing to ask about.
		this.mvc.perform(get(confirm).with(fullLogin(this.admin))).andExpect(status().isNotFound());
	}

	// The invite link

	@Test
	void theCohortPageShowsTheInviteLinkInFullAndLinksToTheMentorView() throws Exception {
		TestCohort cohort = this.fixtures.cohort(START);
		Document page = page("/admin/cohorts/" + cohort.id());
		assertThat(page.getElementById("invite-link").val()).isEqualTo("http://localhost/join/" + cohort.inviteCode());
		assertThat(page.select("a[href=/mentor/cohorts/" + cohort.id() + "]")).hasSize(1);
		assertThat(page.select("form[action=/admin/cohorts/" + cohort.id() + "/invite-code][method=post]")).hasSize(1);
	}

	@Test
	void regeneratingTheInviteCodeMakesTheOldLinkNotFound() throws Exception {
		TestCohort cohort = this.fixtures.cohort(START);
		AccountUser learner = this.fixtures.learner();
		this.mvc.perform(get("/join/{code}", cohort.inviteCode()).with(user(learner))).andExpect(status().isOk());
		this.mvc.perform(post("/admin/cohorts/{id}/invite-code", cohort.id()).with(fullLogin(this.admin)).with(csrf()))
			.andExpect(redirectedUrl("/admin/cohorts/" + cohort.id()))
			.andExpect(flash().attribute("message", "admin.cohort.invite.regenerated"));
		String fresh = this.fixtures.inviteCode(cohort);
		assertThat(fresh).isNotEqualTo(cohort.inviteCode());
		assertThat(InviteCodes.isWellFormed(fresh)).isTrue();
		this.mvc.perform(get("/join/{code}", cohort.inviteCode()).with(user(learner))).andExpect(status().isNotFound());
		this.mvc.perform(post("/join/{code}", cohort.inviteCode()).with(user(learner)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/join/{code}", fresh).with(user(learner))).andExpect(status().isOk());
		assertThat(learnerIds(cohort.id())).isEmpty();
	}

	/** The page a redirect leads to, with the flash message its session holds. */
	private Document redirected(MvcResult result) throws Exception {
		return Jsoup.parse(this.mvc
			.perform(get(result.getResponse().getRedirectedUrl()).cookie(result.getResponse().getCookies())
				.with(fullLogin(this.admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private Document page(String path) throws Exception {
		return Jsoup.parse(this.mvc.perform(get(path).with(fullLogin(this.admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private Map<String, Object> cohortRow(long id) {
		return this.jdbc.queryForMap("select name, start_date, invite_code, version from cohort where id = ?", id);
	}

	private long cohortsNamed(String name) {
		return this.jdbc.queryForObject("select count(*) from cohort where name = ?", Long.class, name);
	}

	private List<Long> mentorIds(long cohortId) {
		return this.jdbc.queryForList("select mentor_id from cohort_mentor where cohort_id = ?", Long.class, cohortId);
	}

	private List<Long> learnerIds(long cohortId) {
		return this.jdbc.queryForList("select learner_id from cohort_learner where cohort_id = ?", Long.class,
				cohortId);
	}

	private String role(AccountUser user) {
		return this.jdbc.queryForObject("select role from app_user where id = ?", String.class, user.id());
	}

	private LocalDate enrollmentStart(AccountUser learner, String slug) {
		return this.jdbc
			.queryForObject("select e.start_date from enrollment e join curriculum c on c.id = e.curriculum_id "
					+ "where e.learner_id = ? and c.slug = ?", LocalDate.class, learner.id(), slug);
	}

}
