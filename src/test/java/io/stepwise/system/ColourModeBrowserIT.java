package io.stepwise.system;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.stepwise.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The colour mode in a real Chromium under the portal's CSP: the system's setting by
 * default and as it changes, a choice from the switch that outlives a reload, and System
 * that follows the setting again.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.org.openqa.selenium.devtools.CdpVersionFinder=error",
				"logging.level.org.openqa.selenium.chromium.ChromiumDriver=error" })
@ActiveProfiles("test")
@EnabledIf(value = "io.stepwise.support.Browser#chromiumInstalled",
		disabledReason = "needs /usr/bin/chromium and /usr/bin/chromedriver (Debian packages chromium, chromium-driver)")
class ColourModeBrowserIT {

	private static final String WEEK = "/curricula/django-24-week-syllabus/weeks/1";

	@LocalServerPort
	int port;

	@TempDir
	Path profile;

	private Browser browser;

	@BeforeEach
	void startBrowser() {
		this.browser = Browser.start(this.port, this.profile);
	}

	@AfterEach
	void quitBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void followsTheSystemUntilAChoiceIsMadeAndKeepsTheChoice() {
		systemScheme("dark");
		this.browser.open(WEEK);
		assertThat(theme()).isEqualTo("dark");
		assertThat(this.browser.driver().findElement(By.id("theme-switch")).isDisplayed()).isTrue();
		assertThat(pressed()).containsExactly("auto");

		systemScheme("light");
		waitForTheme("light");

		choose("dark");
		assertThat(theme()).isEqualTo("dark");
		assertThat(pressed()).containsExactly("dark");
		assertThat(this.browser.script("return localStorage.getItem('stepwise.theme');")).isEqualTo("dark");

		this.browser.open("/");
		assertThat(theme()).isEqualTo("dark");
		assertThat(pressed()).containsExactly("dark");
		// A choice is kept in the browser: nothing of it reaches the server.
		assertThat(this.browser.driver().manage().getCookies()).isEmpty();

		choose("auto");
		assertThat(theme()).isEqualTo("light");
		assertThat(this.browser.script("return localStorage.getItem('stepwise.theme');")).isNull();
		systemScheme("dark");
		waitForTheme("dark");
		this.browser.assertNoContentSecurityPolicyErrors();
	}

	@Test
	void theStylesheetFollowsTheMode() {
		choose(WEEK, "dark");
		String dark = (String) this.browser.script("return getComputedStyle(document.body).backgroundColor;");
		choose("light");
		String light = (String) this.browser.script("return getComputedStyle(document.body).backgroundColor;");

		assertThat(light).isEqualTo("rgb(255, 255, 255)");
		assertThat(dark).isEqualTo("rgb(33, 37, 41)");
	}

	private void choose(String path, String choice) {
		this.browser.open(path);
		choose(choice);
	}

	private void choose(String choice) {
		this.browser.driver().findElement(By.cssSelector("#theme-switch [data-theme-choice=" + choice + "]")).click();
	}

	private void systemScheme(String scheme) {
		this.browser.driver()
			.executeCdpCommand("Emulation.setEmulatedMedia",
					Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
	}

	private void waitForTheme(String theme) {
		this.browser.waiting().until((driver) -> theme.equals(theme()));
	}

	private String theme() {
		return (String) this.browser.script("return document.documentElement.getAttribute('data-bs-theme');");
	}

	private List<String> pressed() {
		return this.browser.driver()
			.findElements(By.cssSelector("#theme-switch [aria-pressed=true]"))
			.stream()
			.map((WebElement button) -> button.getDomAttribute("data-theme-choice"))
			.toList();
	}

}
