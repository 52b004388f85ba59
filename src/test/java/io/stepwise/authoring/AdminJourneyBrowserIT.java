package io.stepwise.authoring;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.cohort.CohortFixtures;
import io.stepwise.curriculum.CurriculumCatalog;
import io.stepwise.curriculum.CurriculumDraft;
import io.stepwise.curriculum.CurriculumLibrary;
import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.curriculum.CurriculumTree.TaskView;
import io.stepwise.support.Authenticator;
import io.stepwise.support.Browser;
import io.stepwise.support.BundledDocuments;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin's round in a real headless Chromium: a task edited in the browser, the
 * curriculum exported, changed as a document, imported through the preview and applied,
 * and exported again with both changes, every item keeping its id.
 */
// Selenium's bindings for DevTools trail the installed Chromium; nothing here uses them.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.org.openqa.selenium.devtools.CdpVersionFinder=error",
				"logging.level.org.openqa.selenium.chromium.ChromiumDriver=error" })
@ActiveProfiles("test")
@Import(CohortFixtures.class)
@EnabledIf(value = "io.stepwise.support.Browser#chromiumInstalled",
		disabledReason = "needs /usr/bin/chromium and /usr/bin/chromedriver (Debian packages chromium, chromium-driver)")
class AdminJourneyBrowserIT {

	private static final String EDITED = "Install Django and create the first project.";

	private static final String IMPORTED = "Use the Django admin for all the blog's content.";

	@LocalServerPort
	int port;

	@Autowired
	CohortFixtures fixtures;

	@Autowired
	CurriculumLibrary library;

	@Autowired
	CurriculumCatalog catalog;

	@Autowired
	MessageSource messages;

	@TempDir
	Path profile;

	@TempDir
	Path downloads;

	@TempDir
	Path documents;

	private Browser browser;

	private ChromeDriver driver;

	private WebDriverWait wait;

	private String slug;

	@BeforeEach
	void curriculumOfItsOwn() {
		// A copy of the syllabus under its own slug, so no other test sees the edits.
		this.slug = "browser-" + UUID.randomUUID().toString().substring(0, 8);
		CurriculumDraft syllabus = BundledDocuments.draft(BundledDocuments.SYLLABUS);
		this.library.add(
				new CurriculumDraft(this.slug, syllabus.title() + " (copy)", syllabus.intro(), syllabus.guidelines(),
						syllabus.phases(), syllabus.sections(), syllabus.references(), syllabus.plannedWeeks()),
				"none");
		this.browser = Browser.start(this.port, this.profile, this.downloads);
		this.driver = this.browser.driver();
		this.wait = this.browser.waiting();
	}

	@AfterEach
	void quitBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void adminEditsATaskImportsAChangedDocumentThroughThePreviewAndExportsIt() throws Exception {
		CurriculumTree before = this.catalog.tree(this.slug).orElseThrow();
		TaskView first = before.week(1).orElseThrow().tasks().get(0);
		TaskView second = before.week(2).orElseThrow().tasks().get(1);
		logIn(this.fixtures.admin());

		// Edit a task in the browser.
		this.browser.open("/admin/curricula/" + this.slug);
		WebElement edit = this.driver
			.findElement(By.cssSelector("a[href$='/admin/curricula/" + this.slug + "/tasks/" + first.id() + "/edit']"));
		// The week's contents are folded away until its summary is opened.
		edit.findElement(By.xpath("ancestor::details/summary")).click();
		this.wait.until(ExpectedConditions.elementToBeClickable(edit)).click();
		WebElement text = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("task-text")));
		text.clear();
		text.sendKeys(EDITED);
		text.submit();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert-success")));
		this.browser.screenshot("admin-task-edited.png");
		this.browser.open("/curricula/" + this.slug + "/weeks/1");
		assertThat(this.driver.findElement(By.id("item-" + first.id())).getText()).contains(EDITED);

		// Export it, change another task in the document, and import that through the
		// preview.
		String exported = download();
		assertThat(exported).contains(EDITED).contains(second.text());
		Path changed = this.documents.resolve(this.slug + ".md");
		Files.writeString(changed, exported.replace(second.text(), IMPORTED), StandardCharsets.UTF_8);
		this.browser.open("/admin/curricula/import");
		this.driver.findElement(By.id("file")).sendKeys(changed.toAbsolutePath().toString());
		WebElement slugField = this.driver.findElement(By.id("slug"));
		slugField.clear();
		slugField.sendKeys(this.slug);
		slugField.submit();
		this.wait.until(ExpectedConditions.urlMatches("/admin/curricula/import/\\d+$"));
		this.browser.waitUntilLoaded();
		String preview = this.driver.findElement(By.tagName("main")).getText();
		assertThat(preview).contains(IMPORTED).doesNotContain(EDITED);
		this.browser.screenshot("admin-import-preview.png");
		this.driver.findElement(By.cssSelector("form[action$='/apply'] button[type=submit]")).click();
		this.wait.until(ExpectedConditions.urlMatches("/admin/curricula/import$"));
		assertThat(this.driver.findElement(By.cssSelector(".alert-success")).getText())
			.isEqualTo(message("admin.import.applied.changed", this.slug));

		// The change is on the learner's page, and the item kept its id.
		this.browser.open("/curricula/" + this.slug + "/weeks/2");
		assertThat(this.driver.findElement(By.id("item-" + second.id())).getText()).contains(IMPORTED);
		CurriculumTree after = this.catalog.tree(this.slug).orElseThrow();
		assertThat(after.weeks().stream().flatMap((week) -> week.itemIds().stream()))
			.containsExactlyElementsOf(before.weeks().stream().flatMap((week) -> week.itemIds().stream()).toList());

		// The export now says both.
		assertThat(download()).contains(EDITED).contains(IMPORTED).doesNotContain(second.text());
		this.browser.assertNoContentSecurityPolicyErrors();
	}

	private void logIn(AccountUser user) throws Exception {
		this.browser.open("/login");
		this.driver.findElement(By.id("username")).sendKeys(user.getUsername());
		this.driver.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		this.driver.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")).click();
		// An admin's first login sets up the second factor before anything else, with a
		// code computed here from the secret the page shows, as a phone would.
		this.wait.until(ExpectedConditions.urlMatches("/account/two-factor$"));
		this.driver.findElement(By.cssSelector("form[action$='/account/two-factor/secret'] button[type=submit]"))
			.click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("svg.qr-code")));
		Authenticator app = new Authenticator(this.driver.findElement(By.id("two-factor-secret")).getText());
		this.driver.findElement(By.id("code")).sendKeys(app.codeAt(Instant.now()));
		this.driver.findElement(By.cssSelector("form[action$='/account/two-factor/confirm'] button[type=submit]"))
			.click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("recovery-codes")));
		assertThat(this.driver.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
		this.browser.screenshot("admin-recovery-codes.png");
		this.driver.findElement(By.linkText(message("twoFactor.recovery.continue"))).click();
		this.wait.until(ExpectedConditions.urlMatches("/admin$"));
	}

	/** Downloads the curriculum from the link on the import page and reads it. */
	private String download() throws Exception {
		Path file = this.downloads.resolve(this.slug + ".md");
		Files.deleteIfExists(file);
		this.browser.open("/admin/curricula/import");
		this.driver.findElement(By.cssSelector("a[download][href$='/api/v1/curricula/" + this.slug + "/export']"))
			.click();
		// Chromium writes to a .crdownload file and renames it once the download is done.
		this.wait.withTimeout(Duration.ofSeconds(20))
			.withMessage(() -> "no " + file + " downloaded")
			.until((browser) -> Files.isRegularFile(file));
		return Files.readString(file, StandardCharsets.UTF_8);
	}

	private String message(String code, Object... args) {
		return this.messages.getMessage(code, args, Locale.ENGLISH);
	}

}
