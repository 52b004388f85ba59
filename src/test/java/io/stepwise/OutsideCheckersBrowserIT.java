package io.stepwise;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.cohort.CohortFixtures;
import io.stepwise.cohort.CohortFixtures.TestCohort;
import io.stepwise.curriculum.CurriculumCatalog;
import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.curriculum.CurriculumTree.WeekView;
import io.stepwise.progress.Enrollments;
import io.stepwise.support.Authenticator;
import io.stepwise.support.AxeChecks;
import io.stepwise.support.Browser;
import io.stepwise.support.BundledDocuments;
import io.stepwise.support.HtmlValidator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page type through the outside checkers, in a real headless Chromium: axe-core
 * (WCAG 2.2 AA rules) in the light and the dark colour scheme, each at desktop and phone
 * size, and the W3C Nu HTML Checker on the bytes the server sends, fetched with the
 * browser's cookies. Pages are visited as a visitor, a learner, a mentor and an admin,
 * one login each; every problem found is listed at the end. A new page type is one more
 * line in the visit of whoever may see it.
 */
// Selenium's bindings for DevTools trail the installed Chromium; nothing here uses them.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.org.openqa.selenium.devtools.CdpVersionFinder=error",
				"logging.level.org.openqa.selenium.chromium.ChromiumDriver=error" })
@ActiveProfiles("test")
@Import(CohortFixtures.class)
@EnabledIf(value = "io.stepwise.support.Browser#chromiumInstalled",
		disabledReason = "needs /usr/bin/chromium and /usr/bin/chromedriver (Debian packages chromium, chromium-driver)")
class OutsideCheckersBrowserIT {

	private static final String SYLLABUS = CohortFixtures.SYLLABUS;

	private static final String ROADMAP = CohortFixtures.ROADMAP;

	@LocalServerPort
	int port;

	@Autowired
	CohortFixtures fixtures;

	@Autowired
	CurriculumCatalog catalog;

	@Autowired
	Enrollments enrollments;

	@Autowired
	Clock clock;

	@Autowired
	MessageSource messages;

	@TempDir
	Path profile;

	@TempDir
	Path documents;

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<String> problems = new ArrayList<>();

	private Browser browser;

	private ChromeDriver driver;

	private WebDriverWait wait;

	private AxeChecks axe;

	private CurriculumTree syllabus;

	@BeforeEach
	void startBrowser() {
		this.syllabus = this.catalog.tree(SYLLABUS).orElseThrow();
		this.browser = Browser.start(this.port, this.profile);
		this.driver = this.browser.driver();
		this.wait = this.browser.waiting();
		this.axe = new AxeChecks(this.browser);
	}

	@AfterEach
	void quitBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void everyPageTypePassesAxeInBothColourSchemesAtBothSizesAndTheNuChecker() throws Exception {
		AccountUser mentor = this.fixtures.mentor();
		TestCohort cohort = this.fixtures.cohort(LocalDate.now(this.clock).minusWeeks(3), mentor);
		TestCohort another = this.fixtures.cohort(LocalDate.now(this.clock), mentor);
		AccountUser learner = this.fixtures.learner();
		this.fixtures.addLearner(cohort, learner);
		finishWeekOne(learner);
		AccountUser admin = this.fixtures.admin();
		AccountUser forgetful = this.fixtures.learner();

		asVisitor();
		asLearner(learner, another);
		asMentor(mentor, cohort, learner);
		String temporaryPassword = asAdmin(admin, cohort, learner, forgetful);
		withTemporaryPassword(forgetful, temporaryPassword);

		assertThat(this.problems)
			.withFailMessage(() -> this.problems.size() + " problems found by the outside checkers:\n"
					+ String.join("\n", this.problems))
			.isEmpty();
	}

	private void asVisitor() throws Exception {
		check("home", "/");
		check("login", "/login");
		check("login, failed", "/login?error");
		check("login, expired", "/login?expired");
		check("logged out", "/?logout");
		check("signup", "/signup");
		for (String slug : List.of(SYLLABUS, ROADMAP)) {
			check("overview of " + slug, "/curricula/" + slug);
			check("week 1 of " + slug, "/curricula/" + slug + "/weeks/1");
		}
		check("not found", "/curricula/no-such-curriculum");
	}

	private void asLearner(AccountUser learner, TestCohort another) throws Exception {
		logIn(learner.getUsername(), TestAccounts.PASSWORD);
		this.wait.until(ExpectedConditions.urlMatches("/dashboard$"));
		long task = weekTwo().tasks().get(0).id();
		check("dashboard", "/dashboard");
		check("overview, enrolled", "/curricula/" + SYLLABUS);
		check("week, finished", "/curricula/" + SYLLABUS + "/weeks/1");
		check("week, open", "/curricula/" + SYLLABUS + "/weeks/2");
		check("week, locked", "/curricula/" + SYLLABUS + "/weeks/3");
		check("evidence", "/curricula/" + SYLLABUS + "/items/" + task + "/evidence");
		check("start over", "/curricula/" + SYLLABUS + "/enrollment/reset");
		check("join a cohort", "/join/" + another.inviteCode());
		check("account", "/account");
		check("forbidden", "/admin");

		this.browser.open("/curricula/" + SYLLABUS + "/items/" + task + "/evidence");
		this.driver.findElement(By.id("url")).sendKeys("https://github.com/learner/blog/tree/week-2");
		this.driver.findElement(By.cssSelector("form[action$='/evidence'] button[type=submit]")).click();
		this.wait.until(ExpectedConditions.urlContains("/weeks/2"));
		this.browser.waitUntilLoaded();
		checkOpen("week, evidence sent", null);

		check("two-factor set-up, start", "/account/two-factor");
		Authenticator app = startTwoFactor();
		checkOpen("two-factor set-up, QR code", "/account/two-factor");
		confirmTwoFactor(app);
		checkOpen("recovery codes", null);

		this.driver.manage().deleteAllCookies();
		logIn(learner.getUsername(), TestAccounts.PASSWORD);
		this.wait.until(ExpectedConditions.urlMatches("/login/two-factor$"));
		this.browser.waitUntilLoaded();
		checkOpen("two-factor login", "/login/two-factor");
		this.driver.manage().deleteAllCookies();
	}

	private void asMentor(AccountUser mentor, TestCohort cohort, AccountUser learner) throws Exception {
		logIn(mentor.getUsername(), TestAccounts.PASSWORD);
		this.wait.until(ExpectedConditions.urlMatches("/mentor$"));
		String page = "/mentor/cohorts/" + cohort.id();
		check("mentor, cohorts", "/mentor");
		check("mentor, cohort", page);
		check("mentor, cohort filtered", page + "?behind=true&sort=-week");
		check("mentor, learner", page + "/learners/" + learner.getUsername());
		check("mentor, reviews", "/mentor/reviews");
		this.driver.manage().deleteAllCookies();
	}

	/** Answers the temporary password set for the forgetful user. */
	private String asAdmin(AccountUser admin, TestCohort cohort, AccountUser learner, AccountUser forgetful)
			throws Exception {
		logIn(admin.getUsername(), TestAccounts.PASSWORD);
		this.wait.until(ExpectedConditions.urlMatches("/account/two-factor$"));
		this.browser.waitUntilLoaded();
		checkOpen("two-factor set-up, required", "/account/two-factor");
		confirmTwoFactor(startTwoFactor());
		this.driver.findElement(By.linkText(message("twoFactor.recovery.continue"))).click();
		this.wait.until(ExpectedConditions.urlMatches("/admin$"));

		String user = "/admin/users/" + learner.getUsername();
		String cohortPage = "/admin/cohorts/" + cohort.id();
		check("admin home", "/admin");
		check("users", "/admin/users");
		check("users, search", "/admin/users?q=" + learner.getUsername());
		check("user", user);
		check("disable user", user + "/disable");
		check("audit", "/admin/audit");
		check("cohorts", "/admin/cohorts");
		check("cohort", cohortPage);
		check("remove learner", cohortPage + "/learners/" + learner.getUsername() + "/remove");
		curriculumEditor();
		check("import", "/admin/curricula/import");
		importPreview();

		this.browser.open("/admin/users/" + forgetful.getUsername());
		this.driver.findElement(By.cssSelector("form[action$='/password'] button[type=submit]")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("temporary-password")));
		this.browser.waitUntilLoaded();
		checkOpen("temporary password", null);
		String password = this.driver.findElement(By.id("temporary-password")).getText();
		this.driver.manage().deleteAllCookies();
		return password;
	}

	private void curriculumEditor() throws Exception {
		String base = "/admin/curricula/" + SYLLABUS;
		WeekView week = weekWith((candidate) -> !candidate.skills().isEmpty() && !candidate.resources().isEmpty());
		String weekPath = base + "/weeks/" + week.id();
		String task = base + "/tasks/" + week.tasks().get(0).id();
		check("curricula", "/admin/curricula");
		check("outline", base);
		check("details", base + "/edit");
		check("phase", base + "/phases/" + this.syllabus.phases().get(0).id() + "/edit");
		check("new phase", base + "/phases/new");
		check("week", weekPath + "/edit");
		check("new week", base + "/weeks/new");
		check("skill", base + "/skills/" + week.skills().get(0).id() + "/edit");
		check("new skill", weekPath + "/skills/new");
		check("task", task + "/edit");
		check("new task", weekPath + "/tasks/new");
		check("resource", base + "/resources/" + week.resources().get(0).id() + "/edit");
		check("new resource", weekPath + "/resources/new");
		check("remove task", task + "/delete");
		check("remove phase, refused", base + "/phases/" + this.syllabus.phases().get(0).id() + "/delete");
	}

	private void importPreview() throws Exception {
		Path document = this.documents.resolve("roadmap.md");
		Files.write(document, BundledDocuments.source(BundledDocuments.ROADMAP));
		this.browser.open("/admin/curricula/import");
		this.driver.findElement(By.id("file")).sendKeys(document.toAbsolutePath().toString());
		this.driver.findElement(By.id("slug")).sendKeys("checkers-" + UUID.randomUUID().toString().substring(0, 8));
		this.driver.findElement(By.cssSelector("form[action$='/import'] button[type=submit]")).click();
		this.wait.until(ExpectedConditions.urlMatches("/admin/curricula/import/\\d+$"));
		this.browser.waitUntilLoaded();
		checkOpen("import preview", URI.create(this.driver.getCurrentUrl()).getPath());
	}

	private void withTemporaryPassword(AccountUser forgetful, String password) throws Exception {
		logIn(forgetful.getUsername(), password);
		this.wait.until(ExpectedConditions.urlMatches("/account/password/new$"));
		this.browser.waitUntilLoaded();
		checkOpen("new password", "/account/password/new");
		this.driver.manage().deleteAllCookies();
	}

	/** Opens the page and checks it. */
	private void check(String name, String path) throws Exception {
		this.browser.open(path);
		checkOpen(name, path);
	}

	/**
	 * Runs axe on the open page, and the Nu checker on what the path answers now; a page
	 * a form's answer showed (no path) is left to the Nu checks of the page tests.
	 */
	private void checkOpen(String name, String path) throws Exception {
		this.problems
			.addAll(this.axe.violations(name + " (" + URI.create(this.driver.getCurrentUrl()).getPath() + ")"));
		if (path != null) {
			validate(name, path);
		}
	}

	private void validate(String name, String path) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.browser.url(path)))
			.header("Accept", "text/html");
		String cookies = this.driver.manage()
			.getCookies()
			.stream()
			.map((cookie) -> cookie.getName() + "=" + cookie.getValue())
			.collect(Collectors.joining("; "));
		if (!cookies.isEmpty()) {
			request.header("Cookie", cookies);
		}
		HttpResponse<byte[]> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		String type = response.headers().firstValue("Content-Type").orElse("");
		if (response.statusCode() / 100 == 3 || !type.startsWith("text/html")) {
			this.problems.add(name + " (Nu) " + path + ": answered " + response.statusCode() + " " + type);
			return;
		}
		for (HtmlValidator.Problem error : HtmlValidator.errors(response.body())) {
			this.problems.add(name + " (Nu) " + path + " " + error);
		}
	}

	private void logIn(String username, String password) {
		this.browser.open("/login");
		this.driver.findElement(By.id("username")).sendKeys(username);
		this.driver.findElement(By.id("password")).sendKeys(password);
		this.driver.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")).click();
		this.wait.until(ExpectedConditions.not(ExpectedConditions.urlMatches("/login$")));
	}

	/** Starts setting up the second factor on its page; answers the phone app. */
	private Authenticator startTwoFactor() {
		this.driver.findElement(By.cssSelector("form[action$='/account/two-factor/secret'] button[type=submit]"))
			.click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("svg.qr-code")));
		this.browser.waitUntilLoaded();
		return new Authenticator(this.driver.findElement(By.id("two-factor-secret")).getText());
	}

	private void confirmTwoFactor(Authenticator app) {
		this.driver.findElement(By.id("code")).sendKeys(app.codeAt(Instant.now()));
		this.driver.findElement(By.cssSelector("form[action$='/account/two-factor/confirm'] button[type=submit]"))
			.click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("recovery-codes")));
		this.browser.waitUntilLoaded();
	}

	/** Week 1 done ten days ago: week 2 is open and week 3 locked. */
	private void finishWeekOne(AccountUser learner) {
		Instant done = Instant.now(this.clock).minus(Duration.ofDays(10));
		for (var task : this.syllabus.week(1).orElseThrow().tasks()) {
			this.enrollments.checkOffAt(learner.id(), this.syllabus.id(), task.id(), done);
		}
	}

	private WeekView weekTwo() {
		return this.syllabus.week(2).orElseThrow();
	}

	private WeekView weekWith(Predicate<WeekView> condition) {
		return this.syllabus.weeks().stream().filter(condition).findFirst().orElseThrow();
	}

	private String message(String code, Object... args) {
		return this.messages.getMessage(code, args, Locale.ENGLISH);
	}

}
