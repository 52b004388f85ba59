package io.stepwise.curriculum;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.stepwise.account.AccountUser;
import io.stepwise.cohort.CohortFixtures;
import io.stepwise.curriculum.CurriculumTree.WeekView;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.stepwise.support.FullLogin.fullLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Only admins reach the curriculum editing routes: learners and mentors are refused,
 * visitors are sent to log in, and every write needs the CSRF token. Nothing is written
 * by a refused request.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ EditingFixtures.class, CohortFixtures.class })
class CurriculumEditAccessTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	EditingFixtures fixtures;

	@Autowired
	CohortFixtures people;

	@TestFactory
	Stream<DynamicTest> everyRouteIsForAdminsOnly() {
		String slug = this.fixtures.curriculum();
		String base = "/admin/curricula/" + slug;
		CurriculumTree tree = this.fixtures.tree(slug);
		WeekView week = tree.week(1).orElseThrow();
		long phase = tree.phases().get(0).id();
		long skill = week.skills().get(0).id();
		long task = week.tasks().get(0).id();
		long resource = week.resources().get(0).id();
		long version = this.fixtures.version(slug);
		List<String> pages = new ArrayList<>(List.of("/admin/curricula", base, base + "/edit", base + "/phases/new",
				base + "/weeks/new", base + "/weeks/" + week.id() + "/skills/new",
				base + "/weeks/" + week.id() + "/tasks/new", base + "/weeks/" + week.id() + "/resources/new"));
		List<String> writes = new ArrayList<>(List.of(base + "/edit", base + "/phases/new", base + "/weeks/new",
				base + "/weeks/" + week.id() + "/skills/new", base + "/weeks/" + week.id() + "/tasks/new",
				base + "/weeks/" + week.id() + "/resources/new"));
		for (String part : List.of("phases/" + phase, "weeks/" + week.id(), "skills/" + skill, "tasks/" + task,
				"resources/" + resource)) {
			pages.add(base + "/" + part + "/edit");
			pages.add(base + "/" + part + "/delete");
			writes.add(base + "/" + part + "/edit");
			writes.add(base + "/" + part + "/delete");
			writes.add(base + "/" + part + "/move");
		}
		AccountUser learner = this.people.learner();
		AccountUser mentor = this.people.mentor();
		AccountUser admin = this.fixtures.admin();
		List<DynamicTest> tests = new ArrayList<>();
		for (String path : pages) {
			tests.add(DynamicTest.dynamicTest("GET " + path, () -> {
				refused(() -> get(path), learner, mentor);
				this.mvc.perform(get(path).with(fullLogin(admin)).accept(MediaType.TEXT_HTML))
					.andExpect(status().isOk());
			}));
		}
		for (String path : writes) {
			tests.add(DynamicTest.dynamicTest("POST " + path, () -> {
				refused(() -> write(path, version).with(csrf()), learner, mentor);
				// The admin's own post without the token is refused too.
				this.mvc.perform(write(path, version).with(fullLogin(admin)).accept(MediaType.TEXT_HTML))
					.andExpect(status().isForbidden());
				assertThat(this.fixtures.version(slug)).isEqualTo(version);
			}));
		}
		return tests.stream();
	}

	private void refused(Supplier<MockHttpServletRequestBuilder> request, AccountUser learner, AccountUser mentor)
			throws Exception {
		this.mvc.perform(request.get().with(user(learner)).accept(MediaType.TEXT_HTML))
			.andExpect(status().isForbidden());
		this.mvc.perform(request.get().with(user(mentor)).accept(MediaType.TEXT_HTML))
			.andExpect(status().isForbidden());
		this.mvc.perform(request.get().accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

	/** A write that would change something if it were let through. */
	private static MockHttpServletRequestBuilder write(String path, long version) {
		return post(path).param("version", String.valueOf(version))
			.param("title", "Changed")
			.param("text", "Changed")
			.param("name", "Changed")
			.param("intro", "")
			.param("plannedWeeks", "3")
			.param("goal", "")
			.param("monthFrom", "1")
			.param("monthTo", "1")
			.param("kind", "BOOK")
			.param("url", "")
			.param("description", "")
			.param("direction", "DOWN");
	}

}
