package io.stepwise.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.cohort.CohortFixtures;
import io.stepwise.cohort.CohortFixtures.TestCohort;
import io.stepwise.curriculum.CurriculumDraft;
import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.curriculum.CurriculumTree.WeekView;
import io.stepwise.curriculum.EditingFixtures;
import io.stepwise.support.BundledDocuments;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static io.stepwise.support.FullLogin.fullLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Rendered pages show no text that comes from neither {@code messages.properties} nor the
 * data. The application runs with a message source that wraps every message in
 * {@code ⟦…⟧}; on each page, every text node with letters must then be marked, or be a
 * piece of data: curriculum content from the shipped documents, the learner's name, a
 * time zone. Text a template, a controller or a fragment writes by itself has no marks
 * and fails. {@link MessagesTest} checks the template sources the same way.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ TestAccounts.class, CohortFixtures.class, EditingFixtures.class, MarkedMessagesTest.MarkedMessages.class })
class MarkedMessagesTest {

	private static final String OPEN = "\u27e6";

	private static final String CLOSE = "\u27e7";

	private static final Pattern MARKED = Pattern.compile(OPEN + "[^" + CLOSE + "]*" + CLOSE);

	private static final Pattern LETTER = Pattern.compile("\\p{L}");

	/** Around data: "Week 1: Title", "Skill · ", "Title: description". */
	private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\s\\p{P}\\p{S}\\d]+|[\\s\\p{P}\\p{S}\\d]+$");

	/** Where curriculum Markdown is rendered: any text there is the document's. */
	private static final String MARKDOWN = ".lead-text, #guidelines-heading + ul, section.info-section > div";

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
	JdbcTemplate jdbc;

	@Autowired
	EditingFixtures editing;

	private AccountUser learner;

	@BeforeEach
	void newLearner() {
		this.learner = this.accounts.learner("Europe/Berlin");
	}

	@Test
	void messagesAreMarked() {
		// Without marks, every text would be "unmarked" and the checks below meaningless.
		assertThat(page("/").select("h1").text()).startsWith(OPEN).endsWith(CLOSE);
	}

	@TestFactory
	Stream<DynamicTest> anonymousPagesShowOnlyMessagesAndData() {
		List<String> paths = new ArrayList<>(List.of("/", "/login", "/login?error", "/login?expired", "/signup",
				"/?logout", "/curricula/no-such-curriculum"));
		BundledDocuments.slugs().forEach((slug) -> {
			paths.add("/curricula/" + slug);
			int weeks = BundledDocuments.weeks(BundledDocuments.draft(slug)).size();
			for (int n = 1; n <= weeks; n++) {
				paths.add("/curricula/" + slug + "/weeks/" + n);
			}
		});
		Data data = withStoredCurricula(curriculumData());
		return paths.stream().map((path) -> DynamicTest.dynamicTest(path, () -> check(path, page(path), data)));
	}

	@TestFactory
	Stream<DynamicTest> learnerPagesShowOnlyMessagesAndData() throws Exception {
		String roadmap = "/curricula/" + BundledDocuments.ROADMAP;
		Map<String, Document> pages = new LinkedHashMap<>();
		pages.put("empty dashboard", learnerPage("/dashboard"));
		pages.put("overview, not enrolled", learnerPage(roadmap));
		this.mvc.perform(post(roadmap + "/enrollment").with(user(this.learner)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		pages.put("overview, enrolled", learnerPage(roadmap));
		pages.put("open week", learnerPage(roadmap + "/weeks/1"));
		pages.put("locked week", learnerPage(roadmap + "/weeks/2"));
		pages.put("dashboard", learnerPage("/dashboard"));
		pages.put("start over", learnerPage(roadmap + "/enrollment/reset"));
		pages.put("account", learnerPage("/account"));
		Data data = curriculumData().with(this.learner.getDisplayName());
		return pages.entrySet()
			.stream()
			.map((page) -> DynamicTest.dynamicTest(page.getKey(), () -> check(page.getKey(), page.getValue(), data)));
	}

	@TestFactory
	Stream<DynamicTest> adminPagesAndInvitesShowOnlyMessagesAndData() throws Exception {
		AccountUser admin = this.cohorts.admin();
		AccountUser mentor = this.cohorts.mentor();
		TestCohort cohort = this.cohorts.cohort(LocalDate.of(2027, 3, 1), mentor);
		this.cohorts.addLearner(cohort, this.learner);
		String path = "/admin/cohorts/" + cohort.id();
		Map<String, Document> pages = new LinkedHashMap<>();
		pages.put("admin home", page(get("/admin"), admin));
		pages.put("cohorts", page(get("/admin/cohorts"), admin));
		pages.put("cohorts, create refused",
				page(post("/admin/cohorts").param("name", "")
					.param("curriculum", "")
					.param("startDate", "not a date")
					.with(csrf()), admin));
		pages.put("cohort", page(get(path), admin));
		pages.put("cohort, conflict",
				page(post(path).param("name", cohort.name())
					.param("startDate", "2027-03-01")
					.param("version", "-1")
					.with(csrf()), admin));
		pages.put("cohort, unknown mentor", page(post(path + "/mentors").param("user", "nobody").with(csrf()), admin));
		pages.put("remove learner", page(get(path + "/learners/" + this.learner.getUsername() + "/remove"), admin));
		AccountUser invited = this.accounts.learner();
		pages.put("invite", page(get("/join/" + cohort.inviteCode()), invited));
		pages.put("invite, member", page(get("/join/" + cohort.inviteCode()), this.learner));
		// The import pages, with changes to a curriculum of the test's own
		String slug = "marked-" + UUID.randomUUID().toString().substring(0, 13);
		byte[] roadmap = BundledDocuments.source(BundledDocuments.ROADMAP);
		pages.put("import", page(get("/admin/curricula/import"), admin));
		pages.put("import, refused file",
				page(upload(slug, "# Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)).with(csrf()), admin));
		String created = upload(admin, slug, roadmap);
		pages.put("import preview, new curriculum", page(get(created), admin));
		this.mvc.perform(post(created + "/apply").with(fullLogin(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		String changed = new String(roadmap, StandardCharsets.UTF_8)
			.replace("- **Migrations**: Creating, applying, and managing database migrations\n", "")
			.replace("Simple todo list application", "A simple todo list application")
			.replace("### **Testing**[29]", "### **Testing and debugging**[29]");
		String preview = upload(admin, slug, changed.getBytes(StandardCharsets.UTF_8));
		pages.put("import preview, changes", page(get(preview), admin));
		pages.put("import, applied",
				page(get("/admin/curricula/import").flashAttr("message", "admin.import.applied.changed")
					.flashAttr("messageArgs", new Object[] { slug }), admin));
		String user = "/admin/users/" + this.learner.getUsername();
		pages.put("users", page(get("/admin/users"), admin));
		pages.put("users, none found", page(get("/admin/users").param("q", "no such user at all"), admin));
		pages.put("user", page(get(user), admin));
		pages.put("user, role refused", page(post(user + "/role").param("role", "ROOT").with(csrf()), admin));
		pages.put("user, password refused",
				page(post(user + "/password").param("password", "short").with(csrf()), admin));
		pages.put("disable user", page(get(user + "/disable"), admin));
		AccountUser temporary = this.accounts.learner();
		Document generated = page(
				post("/admin/users/" + temporary.getUsername() + "/password").param("password", "").with(csrf()),
				admin);
		pages.put("temporary password", generated);
		temporary = this.cohorts.reload(temporary);
		pages.put("new password", page(get("/account/password/new"), temporary));
		pages.put("new password, refused",
				page(post("/account/password/new").param("newPassword", "short").with(csrf()), temporary));
		// The lists show every cohort in the database and its mentors, and every user,
		// other tests' too.
		Data stored = withStoredCurricula(curriculumData()).with(mentor.getUsername())
			.with(this.learner.getUsername())
			.with(generated.select("#temporary-password").text());
		for (String value : this.jdbc.queryForList("select name from cohort union select display_name from app_user "
				+ "union select username from app_user union select email from app_user", String.class)) {
			stored = stored.with(value);
		}
		// The import pages name every curriculum, and show what the document changes.
		for (String value : this.jdbc.queryForList("select slug from curriculum union select title from curriculum",
				String.class)) {
			stored = stored.with(value);
		}
		Data data = stored.with("Line 1: the file is not valid UTF-8 (bad byte sequence at byte 5)")
			.with("A simple todo list application")
			.with("Testing and debugging")
			.with("doc.md");
		return pages.entrySet()
			.stream()
			.map((page) -> DynamicTest.dynamicTest(page.getKey(), () -> check(page.getKey(), page.getValue(), data)));
	}

	@TestFactory
	Stream<DynamicTest> curriculumEditingPagesShowOnlyMessagesAndData() throws Exception {
		AccountUser admin = this.editing.admin();
		String slug = this.editing.curriculum();
		String base = "/admin/curricula/" + slug;
		CurriculumTree tree = this.editing.tree(slug);
		WeekView week = tree.week(1).orElseThrow();
		String weekPath = base + "/weeks/" + week.id();
		String task = base + "/tasks/" + week.tasks().get(0).id();
		String resource = base + "/resources/" + week.resources().get(0).id();
		String phase = base + "/phases/" + tree.phases().get(0).id();
		Map<String, Document> pages = new LinkedHashMap<>();
		pages.put("curricula", page(get("/admin/curricula"), admin));
		pages.put("outline", page(get(base), admin));
		pages.put("outline, stale move",
				page(post(task + "/move").param("direction", "DOWN").param("version", "-1").with(csrf()), admin));
		pages.put("details", page(get(base + "/edit"), admin));
		pages.put("details, conflict",
				page(post(base + "/edit").param("title", "Editing test")
					.param("intro", "")
					.param("plannedWeeks", "")
					.param("version", "-1")
					.with(csrf()), admin));
		pages.put("phase, refused",
				page(post(phase + "/edit").param("title", "")
					.param("goal", "")
					.param("monthFrom", "x")
					.param("monthTo", "1")
					.with(csrf()), admin));
		pages.put("new phase, conflict",
				page(post(base + "/phases/new").param("title", "First phase")
					.param("goal", "")
					.param("monthFrom", "1")
					.param("monthTo", "1")
					.param("version", "-1")
					.with(csrf()), admin));
		pages.put("week, conflict",
				page(post(weekPath + "/edit").param("title", "Basics")
					.param("phase", String.valueOf(tree.phases().get(1).id()))
					.param("version", "-1")
					.with(csrf()), admin));
		pages.put("new skill", page(get(weekPath + "/skills/new"), admin));
		pages.put("new task, conflict",
				page(post(weekPath + "/tasks/new").param("text", "Task A").param("version", "-1").with(csrf()), admin));
		pages.put("task", page(get(task + "/edit"), admin));
		pages.put("resource, conflict",
				page(post(resource + "/edit").param("title", "Docs")
					.param("url", "https://example.org/docs")
					.param("kind", "BOOK")
					.param("description", "")
					.param("version", "-1")
					.with(csrf()), admin));
		pages.put("resource, refused",
				page(post(resource + "/edit").param("title", "")
					.param("url", "javascript:alert(1)")
					.param("kind", "DOCUMENT")
					.param("description", "")
					.param("version", "0")
					.with(csrf()), admin));
		pages.put("remove task", page(get(task + "/delete"), admin));
		pages.put("remove week, refused", page(get(weekPath + "/delete"), admin));
		pages.put("remove phase, refused", page(get(phase + "/delete"), admin));
		// The list shows every curriculum in the database, other tests' too; the pages
		// show
		// the test curriculum's content, and its intro rendered in runs ("Learn",
		// "something").
		Data stored = curriculumData().with(admin.getDisplayName()).with("Learn").with("something");
		for (String value : this.jdbc.queryForList("""
				select title from curriculum union select slug from curriculum union select intro from curriculum
				union select title from phase union select goal from phase union select title from week
				union select title from curriculum_item union select description from curriculum_item
				union select title from resource union select url from resource where url is not null""",
				String.class)) {
			stored = stored.with(value);
		}
		for (String value : this.jdbc.queryForList("select slug from curriculum union select title from curriculum",
				String.class)) {
			stored = stored.with(value);
		}
		Data data = stored.with("Line 1: the file is not valid UTF-8 (bad byte sequence at byte 5)")
			.with("A simple todo list application")
			.with("Testing and debugging")
			.with("doc.md");
		return pages.entrySet()
			.stream()
			.map((page) -> DynamicTest.dynamicTest(page.getKey(), () -> check(page.getKey(), page.getValue(), data)));
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

	/**
	 * The home page and the admin pages list every curriculum in the database, including
	 * those other tests stored for themselves; their titles are data too.
	 */
	private Data withStoredCurricula(Data data) {
		Data stored = data;
		for (String title : this.jdbc.queryForList("select title from curriculum", String.class)) {
			stored = stored.with(title);
		}
		return stored;
	}

	private Document page(AbstractMockHttpServletRequestBuilder<?> request, AccountUser user) throws Exception {
		return Jsoup.parse(this.mvc.perform(request.with(fullLogin(user)).accept(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static void check(String name, Document page, Data data) {
		Set<Element> markdown = new HashSet<>(page.select(MARKDOWN));
		List<String> unmarked = new ArrayList<>();
		List<Element> roots = new ArrayList<>(page.select("head > title"));
		roots.add(page.body());
		for (Element root : roots) {
			root.traverse((node, depth) -> {
				if (!(node instanceof TextNode text)) {
					return;
				}
				Element parent = text.parent();
				if (parent.tagName().equals("script") || isZoneOption(parent)) {
					return;
				}
				String rest = MARKED.matcher(text.getWholeText()).replaceAll(" ");
				if (!LETTER.matcher(rest).find()) {
					return;
				}
				String value = normalised(rest);
				boolean inMarkdown = markdown.contains(parent)
						|| parent.parents().stream().anyMatch(markdown::contains);
				// Data cut to fit, as the map's phase titles, ends with an ellipsis.
				boolean cut = rest.strip().endsWith("\u2026")
						&& data.values().stream().anyMatch((whole) -> whole.startsWith(value));
				if (!data.values().contains(value) && !cut && !(inMarkdown
						&& data.documents().stream().anyMatch((document) -> document.contains(value)))) {
					unmarked.add(value);
				}
			});
		}
		assertThat(unmarked).as("text on %s that is neither a message nor data", name).isEmpty();
	}

	/** A time zone is shown by its id, which is data. */
	private static boolean isZoneOption(Element element) {
		return element.tagName().equals("option") && element.text().equals(element.attr("value"));
	}

	/** Text without the punctuation and numbers around it, spaces collapsed. */
	private static String normalised(String text) {
		return EDGE_PUNCTUATION.matcher(text.replaceAll("\\s+", " ").strip()).replaceAll("");
	}

	/**
	 * @param values every piece of text the documents give the pages, normalised
	 * @param documents the whole text of each document, for what Markdown rendering
	 * splits into smaller runs
	 */
	record Data(Set<String> values, List<String> documents) {

		Data with(String value) {
			Set<String> more = new HashSet<>(this.values);
			more.add(normalised(value));
			return new Data(more, this.documents);
		}

	}

	private static Data curriculumData() {
		Set<String> values = new HashSet<>();
		List<String> documents = new ArrayList<>();
		for (String slug : BundledDocuments.slugs().toList()) {
			CurriculumDraft draft = BundledDocuments.draft(slug);
			values.add(draft.title());
			draft.phases().forEach((phase) -> {
				values.add(phase.title());
				values.add(phase.goal());
			});
			BundledDocuments.weeks(draft).forEach((week) -> values.add(week.title()));
			BundledDocuments.skills(draft).forEach((skill) -> {
				values.add(skill.name());
				values.add(skill.description());
			});
			values.addAll(BundledDocuments.tasks(draft));
			BundledDocuments.resources(draft).forEach((resource) -> {
				values.add(resource.title());
				values.add(resource.description());
			});
			draft.sections().forEach((section) -> {
				values.add(section.part());
				values.add(section.title());
			});
			draft.references()
				.forEach((reference) -> values.add(reference.url().replaceFirst("^https?://(www\\.)?", "")));
			documents.add(normalised(
					BundledDocuments.plainText(new String(BundledDocuments.source(slug), StandardCharsets.UTF_8))));
		}
		Set<String> normalised = new HashSet<>();
		values.stream()
			.map(MarkedMessagesTest::normalised)
			.filter((value) -> !value.isEmpty())
			.forEach(normalised::add);
		return new Data(normalised, documents);
	}

	private Document page(String path) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Accept", "text/html")
				.GET()
				.build();
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isIn(200, 404);
			return Jsoup.parse(response.body());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Document learnerPage(String path) throws Exception {
		return Jsoup.parse(this.mvc.perform(get(path).with(user(this.learner)).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	/**
	 * Replaces the application's message source: the same messages, each wrapped in
	 * marks. Named {@code messageSource}, so Spring Boot's own steps back.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class MarkedMessages {

		@Bean
		MessageSource messageSource() {
			ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
			messages.setBasename("messages");
			messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
			messages.setFallbackToSystemLocale(false);
			return new MessageSource() {

				@Override
				public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
					String message = messages.getMessage(code, args, defaultMessage, locale);
					return (message != null) ? OPEN + message + CLOSE : null;
				}

				@Override
				public String getMessage(String code, Object[] args, Locale locale) throws NoSuchMessageException {
					return OPEN + messages.getMessage(code, args, locale) + CLOSE;
				}

				@Override
				public String getMessage(MessageSourceResolvable resolvable, Locale locale)
						throws NoSuchMessageException {
					return OPEN + messages.getMessage(resolvable, locale) + CLOSE;
				}

			};
		}

	}

}
