package io.stepwise.cohort;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.curriculum.CurriculumCatalog;
import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.curriculum.CurriculumTree.WeekView;
import io.stepwise.progress.Enrollments;
import io.stepwise.support.Browser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static io.stepwise.cohort.CohortFixtures.SYLLABUS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mentor's round in a real headless Chromium: from their cohorts to the learners behind
 * pace, a review asking for changes, and the filtered cohort downloaded as CSV. The
 * evidence under review is sent by the learner through their own form in the same
 * browser.
 */
// Selenium's bindings for DevTools trail the installed Chromium; nothing here uses them.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.org.openqa.selenium.devtools.CdpVersionFinder=error",
				"logging.level.org.openqa.selenium.chromium.ChromiumDriver=error" })
@ActiveProfiles("test")
@Import({ CohortFixtures.class })
@EnabledIf(value = "io.stepwise.support.Browser#chromiumInstalled",
		disabledReason = "needs /usr/bin/chromium and /usr/bin/chromedriver (Debian packages chromium, chromium-driver)")
class MentorJourneyBrowserIT {

	private static final String EVIDENCE_URL = "https://github.com/chen-wei/blog/tree/week-2";

	private static final String FEEDBACK = "The CRUD views work; add tests for the category views and a README.";

	@LocalServerPort
	int port;

	@Autowired
	CohortFixtures fixture;

	@Autowired
	Enrollments enrollments;

	@Autowired
	CurriculumCatalog catalog;

	@Autowired
	Clock clock;

	@Autowired
	MessageSource messages;

	@TempDir
	Path profile;

	@TempDir
	Path downloads;

	private Browser browser;

	private ChromeDriver driver;

	private WebDriverWait wait;

	private CurriculumTree syllabus;

	@BeforeEach
	void startBrowser() {
		this.syllabus = this.catalog.tree(SYLLABUS).orElseThrow();
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
	void mentorFindsTheLearnersBehindReviewsEvidenceAndDownloadsThemAsCsv() throws IOException {
		// Five weeks in, week 6 is due: the cohort's pace.
		Cohort cohort = this.fixture.cohort(5);
		Instant now = Instant.now(this.clock);
		Instant start = now.minus(Duration.ofDays(35));
		AccountUser mentor = named(this.fixture.mentorOf(cohort), "Mina Mentor");
		AccountUser ahead = named(this.fixture.learnerIn(cohort, start), "Ada Okafor");
		AccountUser slow = named(this.fixture.learnerIn(cohort, start), "Bruno Silva");
		AccountUser withEvidence = named(this.fixture.learnerIn(cohort, start), "Chen Wei");
		AccountUser idle = named(this.fixture.learnerIn(cohort, start), "Dara Idowu");
		for (int week = 1; week <= 8; week++) {
			finishWeek(ahead, week, start.plus(Duration.ofDays(4L * week)));
		}
		finishWeek(slow, 1, start.plus(Duration.ofDays(7)));
		checkOff(slow, 2, 0, now.minus(Duration.ofDays(1)));
		finishWeek(withEvidence, 1, start.plus(Duration.ofDays(8)));
		finishWeek(withEvidence, 2, now.minus(Duration.ofDays(3)));
		for (int week = 1; week <= 5; week++) {
			finishWeek(idle, week, start.plus(Duration.ofDays(4L * week)));
		}
		// Ahead by three; behind by four and by three; on the pace but idle for 15 days.
		long evidenceTask = this.syllabus.week(2).orElseThrow().tasks().get(0).id();

		logIn(withEvidence);
		this.wait.until(ExpectedConditions.urlMatches("/dashboard$"));
		sendEvidence(evidenceTask);
		logOut();

		logIn(mentor);
		this.wait.until(ExpectedConditions.urlMatches("/mentor$"));
		WebElement cohortRow = this.driver
			.findElement(By.xpath("//tbody/tr[th[@scope='row']/a[normalize-space()='" + cohort.getName() + "']]"));
		// Curriculum, size, average, behind, inactive, reviews.
		List<String> summary = cohortRow.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
		assertThat(summary.get(1)).isEqualTo("4");
		assertThat(summary.subList(3, 6)).containsExactly("2", "1", "1");
		this.browser.screenshot("mentor-cohorts.png");

		cohortRow.findElement(By.linkText(cohort.getName())).click();
		String cohortPath = "/mentor/cohorts/" + cohort.getId();
		this.wait.until(ExpectedConditions.urlMatches(cohortPath + "$"));
		this.browser.waitUntilLoaded();
		assertThat(usernames()).containsExactlyInAnyOrder(ahead.getUsername(), slow.getUsername(),
				withEvidence.getUsername(), idle.getUsername());
		assertThat(this.driver.findElement(By.cssSelector("svg.spread-chart")).isDisplayed()).isTrue();
		assertThat(this.driver.findElement(By.cssSelector("[role=status]")).getText())
			.isEqualTo(message("mentor.cohort.size", 4));
		// The wide table scrolls inside its box; the page itself does not scroll
		// sideways.
		assertThat((Long) this.browser.script("return document.documentElement.scrollWidth;"))
			.isLessThanOrEqualTo((Long) this.browser.script("return document.documentElement.clientWidth;"));
		this.browser.screenshot("mentor-cohort.png");

		filterBehindPace(null);
		assertThat(this.driver.getCurrentUrl()).contains("behind=true");
		assertThat(usernames()).containsExactlyInAnyOrder(slow.getUsername(), withEvidence.getUsername());
		assertThat(this.driver.findElement(By.id("filter-behind")).isSelected()).isTrue();
		assertThat(this.driver.findElement(By.cssSelector("[role=status]")).getText())
			.isEqualTo(message("mentor.learners.matching", 2, 4));
		assertThat(rowOf(withEvidence).findElements(By.tagName("td")).get(4).getText()).isEqualTo("1");
		this.browser.screenshot("mentor-cohort-behind.png");

		rowOf(withEvidence).findElement(By.linkText("Chen Wei")).click();
		String learnerPath = cohortPath + "/learners/" + withEvidence.getUsername();
		this.wait.until(ExpectedConditions.urlMatches(learnerPath + "$"));
		this.browser.waitUntilLoaded();
		assertThat(this.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Chen Wei");
		WebElement card = this.driver.findElement(By.cssSelector("#evidence article.card"));
		String evidenceId = card.getDomAttribute("id").substring("evidence-".length());
		assertThat(card.getText()).contains(EVIDENCE_URL, "Week 2 ready for review",
				message("evidence.status.SUBMITTED"));
		this.browser.screenshot("mentor-learner.png");

		this.driver.findElement(By.id("feedback-" + evidenceId)).sendKeys(FEEDBACK);
		card.findElement(By.cssSelector("button[name=decision][value=changes]")).click();
		this.wait.until(ExpectedConditions.urlMatches(learnerPath + "#evidence$"));
		this.browser.waitUntilLoaded();
		assertThat(this.driver.findElement(By.cssSelector("main .alert-success[role=status]")).getText())
			.isEqualTo(message("review.saved.changes"));
		WebElement reviewed = this.driver.findElement(By.id("evidence-" + evidenceId));
		assertThat(reviewed.findElement(By.cssSelector(".badge")).getText())
			.isEqualTo(message("evidence.status.CHANGES_REQUESTED"));
		assertThat(reviewed.getText()).contains(message("mentor.evidence.feedbackBy", "Mina Mentor"), FEEDBACK);
		assertThat(reviewed.findElements(By.tagName("form"))).isEmpty();
		this.browser.screenshot("mentor-learner-reviewed.png");

		this.driver.findElement(By.cssSelector(".breadcrumb a[href$='" + cohortPath + "']")).click();
		this.wait.until(ExpectedConditions.urlMatches(cohortPath + "$"));
		this.browser.waitUntilLoaded();
		assertThat(rowOf(withEvidence).findElements(By.tagName("td")).get(4).getText()).isEqualTo("0");
		filterBehindPace("-week");
		assertThat(this.driver.getCurrentUrl()).contains("behind=true").contains("sort=-week");
		assertThat(usernames()).containsExactly(withEvidence.getUsername(), slow.getUsername());

		WebElement export = this.driver.findElement(By.cssSelector("a[download]"));
		assertThat(export.getDomAttribute("href")).isEqualTo(cohortPath + "/export.csv?behind=true&sort=-week");
		export.click();
		Path csv = this.downloads.resolve("cohort-" + cohort.getId() + ".csv");
		// Chromium writes to a .crdownload file and renames it once the download is done.
		this.wait.withMessage(() -> "no " + csv + " downloaded").until((browser) -> Files.isRegularFile(csv));
		String text = Files.readString(csv, StandardCharsets.UTF_8);
		// A byte order mark, so that spreadsheets read the names right.
		assertThat(text).startsWith("\uFEFF");
		List<String> header;
		List<CSVRecord> rows;
		try (CSVParser parser = CSVFormat.RFC4180.builder()
			.setHeader()
			.get()
			.parse(new StringReader(text.substring(1)))) {
			header = parser.getHeaderNames();
			rows = parser.getRecords();
		}
		assertThat(header)
			.startsWith("username", "display_name", "percent_done", "current_week", "pace_weeks", "last_activity",
					"reviews_waiting", "week_1")
			.endsWith("week_24")
			.hasSize(7 + 24);
		assertThat(rows).extracting((row) -> row.get("username"))
			.containsExactly(withEvidence.getUsername(), slow.getUsername());
		assertThat(rows).extracting((row) -> row.get("display_name")).containsExactly("Chen Wei", "Bruno Silva");
		assertThat(rows).extracting((row) -> row.get("current_week")).containsExactly("3", "2");
		assertThat(rows).extracting((row) -> row.get("pace_weeks")).containsExactly("-3", "-4");
		assertThat(rows).extracting((row) -> row.get("reviews_waiting")).containsOnly("0");
		assertThat(rows.get(1).get("week_2")).startsWith("in_progress 1/");

		this.browser.assertNoContentSecurityPolicyErrors();
	}

	/** The learner attaches a link to a week 2 project through their own form. */
	private void sendEvidence(long task) {
		this.browser.open("/curricula/" + SYLLABUS + "/weeks/2");
		this.driver.findElement(By.cssSelector("#item-" + task + " a[href$='/items/" + task + "/evidence']")).click();
		this.wait.until(ExpectedConditions.urlMatches("/items/" + task + "/evidence$"));
		this.driver.findElement(By.id("url")).sendKeys(EVIDENCE_URL);
		this.driver.findElement(By.id("note")).sendKeys("Week 2 ready for review: the blog with its CRUD views.");
		this.driver.findElement(By.cssSelector("form[action$='/evidence'] button[type=submit]")).click();
		this.wait.until(ExpectedConditions.urlMatches("/weeks/2#item-" + task + "$"));
		this.wait
			.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), message("evidence.saved")));
		assertThat(this.driver.findElement(By.id("item-" + task)).getText())
			.contains(message("evidence.status.SUBMITTED"));
	}

	private void logIn(AccountUser user) {
		this.browser.open("/login");
		this.driver.findElement(By.id("username")).sendKeys(user.getUsername());
		this.driver.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		this.driver.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")).click();
	}

	private void logOut() {
		this.driver.findElement(By.cssSelector("form[action$='/logout'] button[type=submit]")).click();
		this.wait.until(ExpectedConditions.urlMatches("/\\?logout$"));
		assertThat(this.driver.findElements(By.cssSelector("form[action$='/logout']"))).isEmpty();
		assertThat(this.driver.findElements(By.linkText(message("layout.nav.login")))).isNotEmpty();
	}

	/** Ticks "behind pace only", picks a sort when given one, and applies the filters. */
	private void filterBehindPace(String sort) {
		WebElement behind = this.driver.findElement(By.id("filter-behind"));
		if (!behind.isSelected()) {
			behind.click();
		}
		if (sort != null) {
			new Select(this.driver.findElement(By.id("filter-sort"))).selectByValue(sort);
		}
		this.driver.findElement(By.xpath("//form//button[normalize-space()='" + message("mentor.filter.apply") + "']"))
			.click();
		this.wait.until(ExpectedConditions.urlContains("behind=true"));
		this.browser.waitUntilLoaded();
	}

	private List<String> usernames() {
		return this.driver.findElements(By.cssSelector(".cohort-table tbody th[scope=row] div"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	private WebElement rowOf(AccountUser learner) {
		return this.driver.findElement(By.xpath(
				"//table[contains(@class,'cohort-table')]/tbody/tr[th/div[text()='" + learner.getUsername() + "']]"));
	}

	private AccountUser named(AccountUser user, String displayName) {
		this.fixture.jdbc().update("update app_user set display_name = ? where id = ?", displayName, user.id());
		return this.fixture.reload(user);
	}

	private void finishWeek(AccountUser learner, int number, Instant at) {
		WeekView week = this.syllabus.week(number).orElseThrow();
		for (var task : week.tasks()) {
			this.enrollments.checkOffAt(learner.id(), this.syllabus.id(), task.id(), at);
		}
	}

	private void checkOff(AccountUser learner, int week, int task, Instant at) {
		long item = this.syllabus.week(week).orElseThrow().tasks().get(task).id();
		this.enrollments.checkOffAt(learner.id(), this.syllabus.id(), item, at);
	}

	private String message(String code, Object... args) {
		return this.messages.getMessage(code, args, Locale.ENGLISH);
	}

}
