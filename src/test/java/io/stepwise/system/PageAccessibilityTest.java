package io.stepwise.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.cohort.CohortFixtures;
import io.stepwise.cohort.CohortFixtures.TestCohort;
import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.curriculum.CurriculumTree.WeekView;
import io.stepwise.curriculum.EditingFixtures;
import io.stepwise.support.AccessibilityChecks;
import io.stepwise.support.Authenticator;
import io.stepwise.support.BrowserCookies;
import io.stepwise.support.BundledDocuments;
import io.stepwise.support.StatementCounting;
import jakarta.servlet.RequestDispatcher;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.stepwise.support.FullLogin.fullLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every kind of page passes the structural accessibility and validity checks of
 * {@link AccessibilityChecks}, as a visitor and as a learner. Anonymous pages are fetched
 * from a real server, so the 404 page is the one the container's error dispatch renders;
 * a learner's pages come through MockMvc.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ StatementCounting.class, TestAccounts.class, CohortFixtures.class, EditingFixtures.class })
class PageAccessibilityTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	CohortFixtures cohorts;

	@Autowired
	EditingFixtures editing;

	private AccountUser learner;

	@BeforeEach
	void newLearner() {
		this.learner = this.accounts.learner();
	}

	@TestFactory
	Stream<DynamicTest> anonymousPages() {
		List<String> missing = List.of("/curricula/no-such-curriculum",
				"/curricula/" + BundledDocuments.SYLLABUS + "/weeks/25");
		List<String> paths = new ArrayList<>(
				List.of("/", "/login", "/login?error", "/login?expired", "/signup", "/?logout"));
		BundledDocuments.slugs().forEach((slug) -> {
			paths.add("/curricula/" + slug);
			int weeks = BundledDocuments.weeks(BundledDocuments.draft(slug)).size();
			for (int n = 1; n <= weeks; n++) {
				paths.add("/curricula/" + slug + "/weeks/" + n);
			}
		});
		return Stream.concat(
				paths.stream()
					.map((path) -> DynamicTest.dynamicTest(path,
							() -> AccessibilityChecks.assertAccessible(path, fetch(path, 200)))),
				missing.stream()
					.map((path) -> DynamicTest.dynamicTest(path,
							() -> AccessibilityChecks.assertAccessible(path, fetch(path, 404)))));
	}

	@TestFactory
	Stream<DynamicTest> twoFactorPages() throws Exception {
		Map<String, String> pages = new LinkedHashMap<>();
		BrowserCookies session = logIn(this.learner);
		pages.put("two-factor set-up, start", page(get("/account/two-factor"), session, 200));
		session.perform(post("/account/two-factor/secret").with(csrf())).andExpect(status().is3xxRedirection());
		String setUp = page(get("/account/two-factor"), session, 200);
		pages.put("two-factor set-up, QR code", setUp);
		Authenticator app = new Authenticator(Jsoup.parse(setUp).select("#two-factor-secret").text());
		String wrong = otherThan(app.codeAt(Instant.now()));
		pages.put("two-factor set-up, wrong code",
				page(post("/account/two-factor/confirm").param("code", wrong), session, 200));
		pages.put("recovery codes",
				page(post("/account/two-factor/confirm").param("code", app.codeAt(Instant.now())), session, 200));
		pages.put("account, two-factor on", page(get("/account"), session, 200));
		BrowserCookies second = logIn(this.learner);
		pages.put("two-factor login", page(get("/login/two-factor"), second, 200));
		pages.put("two-factor login, wrong code", page(
				post("/login/two-factor").param("code", otherThan(app.nextCodeAfter(Instant.now()))), second, 200));
		AccountUser admin = this.cohorts.admin();
		pages.put("two-factor set-up, required for an admin", page(get("/account/two-factor"), logIn(admin), 200));
		return pages.entrySet()
			.stream()
			.map((page) -> DynamicTest.dynamicTest(page.getKey(),
					() -> AccessibilityChecks.assertAccessible(page.getKey(), page.getValue())));
	}

	@TestFactory
	Stream<DynamicTest> learnerPages() throws Exception {
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("dashboard, not enrolled", learnerPage("/dashboard"));
		pages.put("overview, not enrolled", learnerPage("/curricula/" + BundledDocuments.ROADMAP));
		pages.put("week, not enrolled", learnerPage("/curricula/" + BundledDocuments.ROADMAP + "/weeks/1"));
		this.mvc
			.perform(post("/curricula/" + BundledDocuments.ROADMAP + "/enrollment").with(user(this.learner))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		pages.put("dashboard, enrolled", learnerPage("/dashboard"));
		pages.put("overview, enrolled", learnerPage("/curricula/" + BundledDocuments.ROADMAP));
		pages.put("open week", learnerPage("/curricula/" + BundledDocuments.ROADMAP + "/weeks/1"));
		pages.put("locked week", learnerPage("/curricula/" + BundledDocuments.ROADMAP + "/weeks/2"));
		pages.put("start over", learnerPage("/curricula/" + BundledDocuments.ROADMAP + "/enrollment/reset"));
		pages.put("account", learnerPage("/account"));
		return pages.entrySet()
			.stream()
			.map((page) -> DynamicTest.dynamicTest(page.getKey(),
					() -> AccessibilityChecks.assertAccessible(page.getKey(), page.getValue())));
	}

	@TestFactory
	Stream<DynamicTest> adminPagesAndInvites() throws Exception {
		AccountUser admin = this.cohorts.admin();
		AccountUser mentor = this.cohorts.mentor();
		TestCohort cohort = this.cohorts.cohort(LocalDate.of(2027, 3, 1), mentor);
		this.cohorts.addLearner(cohort, this.learner);
		String page = "/admin/cohorts/" + cohort.id();
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("admin home", page(get("/admin"), admin, 200));
		pages.put("cohorts", page(get("/admin/cohorts"), admin, 200));
		pages.put("cohorts, create refused",
				page(post("/admin/cohorts").param("name", " ").param("curriculum", "").param("startDate", "1900-01-01"),
						admin, 200));
		pages.put("cohort", page(get(page), admin, 200));
		pages.put("cohort, edit refused",
				page(post(page).param("name", "").param("startDate", "").param("version", "0"), admin, 200));
		pages.put("cohort, edit conflict", page(
				post(page).param("name", "Stale").param("startDate", "2027-01-04").param("version", "-5"), admin, 409));
		pages.put("cohort, unknown mentor", page(post(page + "/mentors").param("user", "nobody-at-all"), admin, 200));
		pages.put("cohort, unknown learner",
				page(post(page + "/learners").param("user", "nobody@example.org"), admin, 200));
		pages.put("remove learner",
				page(get(page + "/learners/" + this.learner.getUsername() + "/remove"), admin, 200));
		String user = "/admin/users/" + this.learner.getUsername();
		pages.put("users", page(get("/admin/users"), admin, 200));
		pages.put("users, none found", page(get("/admin/users").param("q", "no such user at all"), admin, 200));
		pages.put("user", page(get(user), admin, 200));
		pages.put("user, role refused", page(post(user + "/role").param("role", "ROOT"), admin, 200));
		pages.put("user, password refused", page(post(user + "/password").param("password", "short"), admin, 200));
		pages.put("disable user", page(get(user + "/disable"), admin, 200));
		AccountUser temporary = this.accounts.learner();
		pages.put("temporary password",
				page(post("/admin/users/" + temporary.getUsername() + "/password").param("password", ""), admin, 200));
		// Its sessions ended with the temporary password: a new login.
		temporary = this.cohorts.reload(temporary);
		pages.put("new password", page(get("/account/password/new"), temporary, 200));
		pages.put("new password, refused",
				page(post("/account/password/new").param("newPassword", "short"), temporary, 200));
		AccountUser invited = this.accounts.learner();
		pages.put("invite", page(get("/join/" + cohort.inviteCode()), invited, 200));
		pages.put("invite, already a member", page(get("/join/" + cohort.inviteCode()), this.learner, 200));
		importPages(admin, pages);
		return pages.entrySet()
			.stream()
			.map((entry) -> DynamicTest.dynamicTest(entry.getKey(),
					() -> AccessibilityChecks.assertAccessible(entry.getKey(), entry.getValue())));
	}

	@TestFactory
	Stream<DynamicTest> curriculumEditingPages() throws Exception {
		AccountUser admin = this.editing.admin();
		String slug = this.editing.curriculum();
		String base = "/admin/curricula/" + slug;
		CurriculumTree tree = this.editing.tree(slug);
		WeekView week = tree.week(1).orElseThrow();
		String phase = base + "/phases/" + tree.phases().get(0).id();
		String skill = base + "/skills/" + week.skills().get(0).id();
		String task = base + "/tasks/" + week.tasks().get(0).id();
		String resource = base + "/resources/" + week.resources().get(0).id();
		String weekPath = base + "/weeks/" + week.id();
		String version = String.valueOf(this.editing.version(slug));
		// A version no form was loaded at: each save is a conflict.
		String stale = "-1";
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("curricula", page(get("/admin/curricula"), admin, 200));
		pages.put("outline", page(get(base), admin, 200));
		pages.put("outline of the syllabus", page(get("/admin/curricula/" + BundledDocuments.SYLLABUS), admin, 200));
		pages.put("outline of the roadmap", page(get("/admin/curricula/" + BundledDocuments.ROADMAP), admin, 200));
		pages.put("outline, stale move",
				page(post(task + "/move").param("direction", "DOWN").param("version", stale), admin, 409));
		pages.put("details", page(get(base + "/edit"), admin, 200));
		pages.put("details, refused",
				page(post(base + "/edit").param("title", "")
					.param("intro", "")
					.param("plannedWeeks", "0")
					.param("version", version), admin, 200));
		pages.put("details, conflict",
				page(post(base + "/edit").param("title", "Other")
					.param("intro", "Other *intro*")
					.param("plannedWeeks", "3")
					.param("version", stale), admin, 409));
		pages.put("new phase", page(get(base + "/phases/new"), admin, 200));
		pages.put("new phase, conflict",
				page(post(base + "/phases/new").param("title", "P")
					.param("goal", "")
					.param("monthFrom", "1")
					.param("monthTo", "1")
					.param("version", stale), admin, 409));
		pages.put("phase", page(get(phase + "/edit"), admin, 200));
		pages.put("phase, refused",
				page(post(phase + "/edit").param("title", "")
					.param("goal", "")
					.param("monthFrom", "3")
					.param("monthTo", "2")
					.param("version", version), admin, 200));
		pages.put("phase, conflict",
				page(post(phase + "/edit").param("title", "P")
					.param("goal", "G")
					.param("monthFrom", "1")
					.param("monthTo", "2")
					.param("version", stale), admin, 409));
		pages.put("new week", page(get(base + "/weeks/new"), admin, 200));
		pages.put("new week, refused", page(
				post(base + "/weeks/new").param("title", "").param("phase", "").param("version", version), admin, 200));
		pages.put("week", page(get(weekPath + "/edit"), admin, 200));
		pages.put("week, conflict",
				page(post(weekPath + "/edit").param("title", "W")
					.param("phase", String.valueOf(tree.phases().get(1).id()))
					.param("version", stale), admin, 409));
		pages.put("new skill", page(get(weekPath + "/skills/new"), admin, 200));
		pages.put("new skill, conflict",
				page(post(weekPath + "/skills/new").param("name", "S").param("description", "").param("version", stale),
						admin, 409));
		pages.put("skill", page(get(skill + "/edit"), admin, 200));
		pages.put("skill, refused",
				page(post(skill + "/edit").param("name", "").param("description", "").param("version", version), admin,
						200));
		pages.put("skill, conflict",
				page(post(skill + "/edit").param("name", "S").param("description", "D").param("version", stale), admin,
						409));
		pages.put("new task", page(get(weekPath + "/tasks/new"), admin, 200));
		pages.put("task", page(get(task + "/edit"), admin, 200));
		pages.put("task, refused", page(post(task + "/edit").param("text", " ").param("version", version), admin, 200));
		pages.put("task, conflict", page(post(task + "/edit").param("text", "T").param("version", stale), admin, 409));
		pages.put("new resource", page(get(weekPath + "/resources/new"), admin, 200));
		pages.put("resource", page(get(resource + "/edit"), admin, 200));
		pages.put("resource, refused",
				page(post(resource + "/edit").param("title", "")
					.param("url", "javascript:alert(1)")
					.param("kind", "BOOK")
					.param("description", "")
					.param("version", version), admin, 200));
		pages.put("resource, conflict",
				page(post(resource + "/edit").param("title", "R")
					.param("url", "https://example.org/r")
					.param("kind", "TOOL")
					.param("description", "")
					.param("version", stale), admin, 409));
		pages.put("remove phase, refused", page(get(phase + "/delete"), admin, 200));
		pages.put("remove week, refused", page(get(weekPath + "/delete"), admin, 200));
		pages.put("remove skill", page(get(skill + "/delete"), admin, 200));
		pages.put("remove task", page(get(task + "/delete"), admin, 200));
		pages.put("remove task, conflict", page(post(task + "/delete").param("version", stale), admin, 409));
		pages.put("remove resource", page(get(resource + "/delete"), admin, 200));
		return pages.entrySet()
			.stream()
			.map((entry) -> DynamicTest.dynamicTest(entry.getKey(),
					() -> AccessibilityChecks.assertAccessible(entry.getKey(), entry.getValue())));
	}

	/**
	 * The import pages: the form, a refused file, a new curriculum's preview, a preview
	 * of changes with warnings and other changes, the conflict, and the page for a file
	 * too large. Changes go to a curriculum of the test's own.
	 */
	private void importPages(AccountUser admin, Map<String, String> pages) throws Exception {
		String slug = "a11y-" + UUID.randomUUID().toString().substring(0, 13);
		byte[] roadmap = BundledDocuments.source(BundledDocuments.ROADMAP);
		pages.put("import", page(get("/admin/curricula/import"), admin, 200));
		pages.put("import, refused file",
				page(upload(slug, "# Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)), admin, 422));
		String created = upload(admin, slug, roadmap);
		pages.put("import preview, new curriculum", page(get(created), admin, 200));
		this.mvc.perform(post(created + "/apply").with(fullLogin(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		String changed = new String(roadmap, StandardCharsets.UTF_8)
			.replace("- **Migrations**: Creating, applying, and managing database migrations\n", "")
			.replace("Simple todo list application", "A simple todo list application")
			.replace("### **Testing**[29]", "### **Testing and debugging**[29]");
		String first = upload(admin, slug, changed.getBytes(StandardCharsets.UTF_8));
		String second = upload(admin, slug, changed.replace("Formsets", "Form sets").getBytes(StandardCharsets.UTF_8));
		pages.put("import preview, changes", page(get(first), admin, 200));
		this.mvc.perform(post(first + "/apply").with(fullLogin(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		pages.put("import preview, conflict", page(post(second + "/apply"), admin, 409));
		pages.put("file too large",
				page(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 413), admin, 413));
	}

	/** The error pages a logged-in user may meet (the 404 and 413 ones are above). */
	@TestFactory
	Stream<DynamicTest> errorPages() {
		return Stream.of(403, 429, 500)
			.map((code) -> DynamicTest.dynamicTest("error " + code, () -> AccessibilityChecks.assertAccessible(
					"error " + code,
					page(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, code), this.learner, code))));
	}

	private static AbstractMockHttpServletRequestBuilder<?> upload(String slug, byte[] document) {
		return multipart("/admin/curricula/import")
			.file(new MockMultipartFile("file", "doc.md", "text/markdown", document))
			.param("slug", slug);
	}

	/** Uploads a document through the form and answers the preview's path. */
	private String upload(AccountUser admin, String slug, byte[] document) throws Exception {
		return this.mvc.perform(upload(slug, document).with(fullLogin(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private String page(AbstractMockHttpServletRequestBuilder<?> request, AccountUser user, int status)
			throws Exception {
		return this.mvc.perform(request.with(fullLogin(user)).with(csrf()).accept(MediaType.TEXT_HTML))
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String page(MockHttpServletRequestBuilder request, BrowserCookies session, int status) throws Exception {
		return session.perform(request.with(csrf()).accept(MediaType.TEXT_HTML))
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** Logs in through the form, keeping the cookies as a browser does. */
	private BrowserCookies logIn(AccountUser user) throws Exception {
		BrowserCookies session = new BrowserCookies(this.mvc);
		session
			.perform(post("/login").param("username", user.getUsername())
				.param("password", TestAccounts.PASSWORD)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		return session;
	}

	private static String otherThan(String code) {
		return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
	}

	private String fetch(String path, int status) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "text/html")
			.GET()
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(status);
		return response.body();
	}

	private String learnerPage(String path) throws Exception {
		return this.mvc.perform(get(path).with(user(this.learner)).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
