package io.stepwise.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A headless Debian Chromium driven by Debian's chromedriver, for tests against a running
 * portal. An explicit driver and browser keep Selenium Manager from looking anything up,
 * so nothing is downloaded while testing. Each browser gets a fresh profile.
 *
 * <p>
 * Use {@code @EnabledIf("io.stepwise.support.Browser#chromiumInstalled")} on a test
 * class, so that it is skipped where no browser is installed.
 */
public final class Browser implements AutoCloseable {

	public static final String CHROMIUM = "/usr/bin/chromium";

	public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	/** The width of the window and of every screenshot. */
	public static final int WIDTH = 1280;

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	private final WebDriverWait wait;

	private final int port;

	private Browser(ChromeDriver driver, int port) {
		this.driver = driver;
		this.port = port;
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		this.wait.ignoring(StaleElementReferenceException.class);
	}

	public static boolean chromiumInstalled() {
		return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
	}

	/**
	 * Starts a browser for the portal on localhost.
	 * @param port the portal's port
	 * @param profile an empty directory for the browser's profile
	 */
	public static Browser start(int port, Path profile) {
		return start(port, profile, null);
	}

	/**
	 * Starts a browser for the portal on localhost that saves downloads without asking.
	 * @param port the portal's port
	 * @param profile an empty directory for the browser's profile
	 * @param downloads where downloaded files go, or {@code null} for the default
	 */
	public static Browser start(int port, Path profile, Path downloads) {
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=" + WIDTH + ",1600", "--user-data-dir=" + profile.toAbsolutePath());
		if (downloads != null) {
			Map<String, Object> prefs = new HashMap<>();
			prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
			prefs.put("download.prompt_for_download", false);
			options.setExperimentalOption("prefs", prefs);
		}
		LoggingPreferences logging = new LoggingPreferences();
		logging.enable(LogType.BROWSER, Level.ALL);
		options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
		ChromeDriver driver = new ChromeDriver(service, options);
		if (downloads != null) {
			// Headless Chromium may ignore the profile's preference; this goes through
			// chromedriver, not Selenium's version-bound DevTools bindings.
			driver.executeCdpCommand("Browser.setDownloadBehavior",
					Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
		}
		return new Browser(driver, port);
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	/** Waits up to ten seconds, ignoring elements that went stale meanwhile. */
	public WebDriverWait waiting() {
		return this.wait;
	}

	/** The address of a path on the portal. */
	public String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** Opens a path on the portal and waits until the page has loaded. */
	public void open(String path) {
		this.driver.get(url(path));
		waitUntilLoaded();
	}

	/** Waits until the current page has loaded, for example after a click on a link. */
	public void waitUntilLoaded() {
		this.wait.until((browser) -> "complete".equals(script("return document.readyState;")));
	}

	public Object script(String code, Object... args) {
		return this.driver.executeScript(code, args);
	}

	/** Screenshots the whole page at the usual width, as tall as its content. */
	public Path screenshot(String name) throws IOException {
		Dimension before = this.driver.manage().window().getSize();
		// Start short, so a short page is not padded out to the previous window's height.
		this.driver.manage().window().setSize(new Dimension(WIDTH, 800));
		long frame = (Long) script("return window.outerHeight - window.innerHeight;");
		long content = (Long) script("return document.documentElement.scrollHeight;");
		this.driver.manage().window().setSize(new Dimension(WIDTH, (int) Math.min(content + frame, 4000)));
		script("window.scrollTo(0, 0);");
		try {
			Files.createDirectories(SCREENSHOTS);
			Path target = SCREENSHOTS.resolve(name);
			Files.write(target, this.driver.getScreenshotAs(OutputType.BYTES));
			return target;
		}
		finally {
			this.driver.manage().window().setSize(before);
		}
	}

	/**
	 * A blocked inline script or style shows up only in the browser's console. Reading
	 * the console empties it, so each call checks what was logged since the last one.
	 */
	public void assertNoContentSecurityPolicyErrors() {
		List<LogEntry> entries = this.driver.manage().logs().get(LogType.BROWSER).getAll();
		assertThat(entries).extracting(LogEntry::getMessage)
			.noneMatch((message) -> message.toLowerCase(Locale.ROOT).contains("content security policy"));
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
