package io.stepwise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.stepwise.support.Browser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A learner's first weeks in a real headless Chromium: sign-up, enrollment, check-offs
 * swapped in place by htmx under the portal's CSP, and the week gate seen from the
 * browser. Uses the Debian packages only, so nothing is downloaded while testing.
 */
// Selenium's bindings for DevTools trail the installed Chromium; nothing here uses them.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.org.openqa.selenium.devtools.CdpVersionFinder=error",
				"logging.level.org.openqa.selenium.chromium.ChromiumDriver=error" })
@ActiveProfiles("test")
@EnabledIf(value = "io.stepwise.support.Browser#chromiumInstalled",
		disabledReason = "needs /usr/bin/chromium and /usr/bin/chromedriver (Debian packages chromium, chromium-driver)")
class LearnerJourneyBrowserIT {

	private static final String SLUG = "django-24-week-syllabus";

	private static final Path DOCS_SCREENSHOTS = Path.of("docs", "screenshots");

	@LocalServerPort
	int port;

	@Autowired
	MessageSource messages;

	@TempDir
	Path profile;

	private Browser browser;

	private ChromeDriver driver;

	private WebDriverWait wait;

	@BeforeEach
	void startBrowser() {
		this.browser = Browser.start(this.port, this.profile);
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
	void learnerFinishesWeekOneThenWeekTwoOpensAndWeekThreeStaysLocked() throws IOException {
		signUpAndEnroll();

		this.browser.open("/curricula/" + SLUG + "/weeks/1");
		List<String> tasks = taskToggleIds();
		assertThat(tasks).hasSize(3);
		assertThat(weekBody().getText()).doesNotContain(message("progress.weekFinished"));
		markPageAsLoaded();
		for (String task : tasks) {
			WebElement toggle = this.driver.findElement(By.id(task));
			assertThat(toggle.getDomAttribute("aria-checked")).isEqualTo("false");
			toggle.click();
			waitUntilChecked(task, true);
		}
		// No page load happened in between: htmx swapped the week in place.
		assertThat(pageIsStillLoaded()).isTrue();
		assertThat(weekBody().getText()).contains(message("progress.weekFinished"));
		assertThat(this.driver.findElement(By.id("week-status-heading")).findElement(By.xpath("..")).getText())
			.contains(message("week.status.counts", 3, 3));
		Path weekFinished = this.browser.screenshot("week-1-finished.png");

		this.browser.open("/curricula/" + SLUG + "/weeks/2");
		assertThat(this.driver.findElements(By.id("lock-reason"))).isEmpty();
		List<WebElement> weekTwoToggles = this.driver.findElements(By.cssSelector("button.check-toggle"));
		assertThat(weekTwoToggles).isNotEmpty().allSatisfy((toggle) -> assertThat(toggle.isEnabled()).isTrue());
		this.browser.screenshot("week-2-open.png");

		this.browser.open("/curricula/" + SLUG + "/weeks/3");
		assertThat(this.driver.findElement(By.id("lock-reason")).getText()).contains(message("week.locked.reason", 2))
			.contains("finish week 2 first");
		List<WebElement> weekThreeToggles = this.driver.findElements(By.cssSelector("button.check-toggle"));
		assertThat(weekThreeToggles).isNotEmpty().allSatisfy((toggle) -> {
			assertThat(toggle.isEnabled()).isFalse();
			assertThat(toggle.getDomAttribute("aria-describedby")).isEqualTo("lock-reason");
		});
		this.browser.screenshot("week-3-locked.png");

		// A disabled button is only the page's hint; the server has to refuse the write.
		String locked = taskToggleIds().get(0);
		this.driver.executeScript("var b = document.getElementById(arguments[0]); b.disabled = false; b.click();",
				locked);
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#week-body .alert-warning"),
				message("progress.locked", 3, 2)));
		WebElement refused = this.driver.findElement(By.id(locked));
		assertThat(refused.getDomAttribute("aria-checked")).isEqualTo("false");
		assertThat(refused.isEnabled()).isFalse();

		this.browser.open("/dashboard");
		assertThat(this.driver.getTitle()).isEqualTo(message("dashboard.title") + " · " + message("app.name"));
		WebElement card = this.driver.findElement(By.cssSelector("section[aria-labelledby='dashboard-" + SLUG + "']"));
		assertThat(card.findElement(By.id("dashboard-" + SLUG)).getText()).isNotBlank();
		WebElement currentWeek = card
			.findElement(By.xpath(".//p[contains(., '" + message("dashboard.currentWeek") + "')]"));
		assertThat(currentWeek.findElement(By.tagName("a")).getText()).startsWith(message("week.number", 2));
		assertThat(currentWeek.findElement(By.tagName("a")).getDomProperty("href"))
			.endsWith("/curricula/" + SLUG + "/weeks/2");
		Path dashboard = this.browser.screenshot("dashboard.png");

		this.browser.assertNoContentSecurityPolicyErrors();
		publishForReadme(weekFinished, "week.png");
		publishForReadme(dashboard, "dashboard.png");
	}

	@Test
	void checkOffWorksFromTheKeyboardAndKeepsFocusOnTheToggledButton() {
		signUpAndEnroll();
		this.browser.open("/curricula/" + SLUG + "/weeks/1");
		String toggle = taskToggleIds().get(0);
		markPageAsLoaded();

		this.driver.executeScript("document.getElementById(arguments[0]).focus();", toggle);
		assertThat(activeElementId()).isEqualTo(toggle);
		new Actions(this.driver).sendKeys(Keys.SPACE).perform();
		waitUntilChecked(toggle, true);
		assertThat(pageIsStillLoaded()).isTrue();
		assertThat(activeElementId()).isEqualTo(toggle);

		// Pressing Space again unchecks it, and focus still does not jump away.
		new Actions(this.driver).sendKeys(Keys.SPACE).perform();
		waitUntilChecked(toggle, false);
		assertThat(activeElementId()).isEqualTo(toggle);

		this.browser.assertNoContentSecurityPolicyErrors();
	}

	private void signUpAndEnroll() {
		this.browser.open("/");
		this.driver.findElement(By.linkText(message("layout.nav.signup"))).click();
		this.wait.until(ExpectedConditions.urlMatches("/signup$"));
		String username = "browser-" + UUID.randomUUID().toString().substring(0, 13);
		this.driver.findElement(By.id("username")).sendKeys(username);
		this.driver.findElement(By.id("email")).sendKeys(username + "@example.org");
		this.driver.findElement(By.id("displayName")).sendKeys("Ada Browser");
		this.driver.findElement(By.id("password")).sendKeys("a long and unusual browser passphrase");
		new Select(this.driver.findElement(By.id("timeZone"))).selectByValue("UTC");
		this.driver.findElement(By.cssSelector("form[action$='/signup'] button[type=submit]")).click();
		this.wait.until(ExpectedConditions.urlMatches("/dashboard$"));
		assertThat(this.driver.findElement(By.tagName("main")).getText()).contains(message("signup.welcome"));

		this.driver.findElement(By.linkText(message("dashboard.empty.browse"))).click();
		this.wait.until(ExpectedConditions.urlMatches("/$"));
		this.driver.findElement(By.cssSelector("main a[href$='/curricula/" + SLUG + "']")).click();
		this.wait.until(ExpectedConditions.urlMatches("/curricula/" + SLUG + "$"));
		WebElement startDate = this.driver.findElement(By.id("startDate"));
		assertThat(startDate.getDomProperty("value")).matches("\\d{4}-\\d{2}-\\d{2}");
		this.driver.findElement(By.cssSelector("form[action$='/enrollment'] button[type=submit]")).click();
		this.wait.until(
				ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), message("enrollment.created")));
	}

	private List<String> taskToggleIds() {
		List<String> ids = new ArrayList<>();
		for (WebElement toggle : this.driver.findElements(By.cssSelector("#tasks-heading + ol button.check-toggle"))) {
			ids.add(toggle.getDomAttribute("id"));
		}
		return ids;
	}

	private void waitUntilChecked(String toggleId, boolean checked) {
		this.wait.until(ExpectedConditions.attributeToBe(By.id(toggleId), "aria-checked", String.valueOf(checked)));
	}

	private WebElement weekBody() {
		return this.driver.findElement(By.id("week-body"));
	}

	/** A marker a full page load would wipe out, so a test can tell htmx swaps apart. */
	private void markPageAsLoaded() {
		this.browser.script("window.stepwiseTestMarker = true;");
	}

	private boolean pageIsStillLoaded() {
		return Boolean.TRUE.equals(this.browser.script("return window.stepwiseTestMarker === true;"));
	}

	private String activeElementId() {
		return (String) this.browser.script("return document.activeElement ? document.activeElement.id : null;");
	}

	private String message(String code, Object... args) {
		return this.messages.getMessage(code, args, Locale.ENGLISH);
	}

	/**
	 * The README's pictures change only when asked to, so a normal build leaves docs/
	 * alone.
	 */
	private static void publishForReadme(Path screenshot, String name) throws IOException {
		if (Boolean.getBoolean("screenshots.update")) {
			Files.createDirectories(DOCS_SCREENSHOTS);
			Files.copy(screenshot, DOCS_SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
