package io.stepwise.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core on the page open in a {@link Browser}, against the WCAG 2.2 AA rules, once in
 * each colour scheme the system may ask for and at each viewport. Both are emulated
 * through Chromium's DevTools, so the page is loaded once and only its styles and layout
 * are worked out again; reduced motion is asked for too, so no colour is caught halfway
 * through a transition. The axe script is the one bundled in Deque's axe-core Selenium
 * jar, put into the page once and run through an asynchronous script, so it is the same
 * whether or not the page's CSP allows scripts of its own.
 */
public final class AxeChecks {

	public static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	public static final List<String> SCHEMES = List.of("light", "dark");

	public static final List<Viewport> VIEWPORTS = List.of(new Viewport("desktop", 1280, 900, false),
			new Viewport("phone", 390, 844, true));

	/** How many elements a finding names before it only counts the rest. */
	private static final int TARGETS_SHOWN = 5;

	private static final String AXE = axeSource();

	private static final String RUN = """
			var done = arguments[arguments.length - 1];
			axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
			  .then(function (results) {
			    done(results.violations.map(function (rule) {
			      return { id: rule.id, impact: rule.impact, help: rule.help,
			        targets: rule.nodes.map(function (node) { return node.target.join(' '); }),
			        summary: rule.nodes.length ? rule.nodes[0].failureSummary : '' };
			    }));
			  }, function (error) { done('axe failed: ' + error); });
			""";

	private static final String NO_RUNNING_ANIMATIONS = "return document.getAnimations()"
			+ ".every(function (a) { return a.playState !== 'running'; });";

	private final Browser browser;

	public AxeChecks(Browser browser) {
		this.browser = browser;
	}

	/** A screen size, as Chromium's device emulation takes it. */
	public record Viewport(String name, int width, int height, boolean mobile) {
	}

	/**
	 * What axe finds on the open page, one entry per rule and set of elements, with the
	 * modes it was found in; then back to a light desktop.
	 */
	public List<String> violations(String page) {
		Map<String, Finding> found = new LinkedHashMap<>();
		this.browser.script(AXE);
		try {
			for (String scheme : SCHEMES) {
				colourScheme(scheme);
				for (Viewport viewport : VIEWPORTS) {
					viewport(viewport);
					String mode = scheme + " " + viewport.name();
					for (Finding finding : run()) {
						found.computeIfAbsent(finding.key(), (key) -> finding).modes.add(mode);
					}
				}
			}
		}
		finally {
			colourScheme("light");
			viewport(VIEWPORTS.get(0));
		}
		return found.values().stream().map((finding) -> finding.describe(page)).toList();
	}

	@SuppressWarnings("unchecked")
	private List<Finding> run() {
		this.browser.waiting().until((driver) -> (Boolean) this.browser.script(NO_RUNNING_ANIMATIONS));
		Object answer = driver().executeAsyncScript(RUN, TAGS);
		if (!(answer instanceof List)) {
			return List.of(new Finding("axe", "error", String.valueOf(answer), List.of(), ""));
		}
		List<Finding> findings = new ArrayList<>();
		for (Map<String, Object> rule : (List<Map<String, Object>>) answer) {
			findings.add(new Finding((String) rule.get("id"), String.valueOf(rule.get("impact")),
					(String) rule.get("help"), (List<String>) rule.get("targets"), (String) rule.get("summary")));
		}
		return findings;
	}

	private void colourScheme(String scheme) {
		driver().executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme),
						Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
	}

	private void viewport(Viewport viewport) {
		driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", viewport.width(), "height",
				viewport.height(), "deviceScaleFactor", 1, "mobile", viewport.mobile()));
	}

	private ChromeDriver driver() {
		return this.browser.driver();
	}

	private static String axeSource() {
		try (InputStream source = AxeChecks.class.getResourceAsStream("/axe.min.js")) {
			if (source == null) {
				throw new IllegalStateException(
						"axe.min.js is not on the classpath (com.deque.html.axe-core:selenium)");
			}
			return new String(source.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static final class Finding {

		private final String rule;

		private final String impact;

		private final String help;

		private final List<String> targets;

		private final String summary;

		private final List<String> modes = new ArrayList<>();

		private Finding(String rule, String impact, String help, List<String> targets, String summary) {
			this.rule = rule;
			this.impact = impact;
			this.help = help;
			this.targets = targets;
			this.summary = summary;
		}

		private String key() {
			return this.rule + " " + this.targets;
		}

		private String describe(String page) {
			List<String> shown = this.targets.subList(0, Math.min(TARGETS_SHOWN, this.targets.size()));
			String more = (this.targets.size() > shown.size())
					? " and " + (this.targets.size() - shown.size()) + " more" : "";
			return page + ": " + this.rule + " (" + this.impact + ") " + this.help + " ["
					+ String.join(", ", this.modes) + "]\n      on " + String.join(" | ", shown) + more
					+ (this.summary.isEmpty() ? "" : "\n      " + this.summary.replace("\n", "\n      "));
		}

	}

}
