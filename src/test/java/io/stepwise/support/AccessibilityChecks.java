package io.stepwise.support;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseError;
import org.jsoup.parser.Parser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Structural accessibility (WCAG 2.2 AA) and validity checks on a rendered page. What a
 * parser can decide is checked: language, landmarks, one h1, heading order, names for
 * every control and link, id references, keyboard entry (skip link, no positive
 * tabindex), no inline script or style (the CSP forbids them), and an HTML5 parse without
 * errors or known-bad nesting. The page must also pass the W3C Nu HTML Checker
 * ({@link HtmlValidator}) without errors; its warnings do not count. Colour contrast,
 * target sizes and focus visibility need a rendering browser:
 * {@code OutsideCheckersBrowserIT} runs axe-core on every page type for those.
 */
public final class AccessibilityChecks {

	private static final Set<String> UNLABELLED_INPUT_TYPES = Set.of("hidden", "submit", "button", "reset", "image");

	private AccessibilityChecks() {
	}

	public static void assertAccessible(String name, String html) {
		Parser parser = Parser.htmlParser().setTrackErrors(50);
		Document page = parser.parseInput(html, "");
		List<String> errors = parser.getErrors().stream().map(ParseError::toString).toList();
		assertThat(errors).as("HTML parse errors on %s", name).isEmpty();
		assertThat(html).as(name).startsWith("<!DOCTYPE html>");
		assertValid(name, html);

		assertThat(page.selectFirst("html").attr("lang")).as("lang on %s", name).isNotBlank();
		assertThat(page.title()).as("title of %s", name).isNotBlank();
		// What a search result shows under the title: one per page, never empty.
		assertThat(page.select("meta[name=description]")).as("description of %s", name)
			.singleElement()
			.satisfies((meta) -> assertThat(meta.attr("content")).isNotBlank());
		// A logged-in page gives scripts the CSRF token and its header; an anonymous one
		// neither, as it makes no session (SecurityHeadersTest checks which is which).
		assertThat(page.select("meta[name=_csrf]")).as("_csrf meta on %s", name)
			.hasSameSizeAs(page.select("meta[name=_csrf_header]"))
			.allSatisfy((meta) -> assertThat(meta.attr("content")).isNotBlank());
		assertThat(page.select("meta[name=_csrf_header]")).as("_csrf_header on %s", name)
			.allSatisfy((meta) -> assertThat(meta.attr("content")).isNotBlank());

		assertThat(page.select("h1")).as("h1 on %s", name).hasSize(1);
		assertThat(page.select("main")).as("main on %s", name).hasSize(1);
		assertThat(page.select("body > header")).as("banner on %s", name).hasSize(1);
		assertThat(page.select("body > header nav[aria-label]")).as("main navigation on %s", name).hasSize(1);
		assertThat(page.select("body > footer")).as("content info on %s", name).hasSize(1);
		assertThat(page.select("main h1")).as("h1 inside main on %s", name).hasSize(1);
		assertHeadingOrder(name, page);

		Element skip = page.selectFirst("body a[href]");
		assertThat(skip.attr("href")).as("first link on %s skips to the content", name).isEqualTo("#main");
		assertThat(page.getElementById("main")).isNotNull();
		assertThat(page.select("[tabindex]"))
			.allSatisfy((element) -> assertThat(Integer.parseInt(element.attr("tabindex"))).isLessThanOrEqualTo(0));

		assertControlsAreLabelled(name, page);
		assertLinksAndButtonsHaveNames(name, page);
		assertIdsAreUniqueAndReferencesResolve(name, page);
		assertNoInlineCodeOrStyle(name, page);
		assertNesting(name, page);
	}

	/** No errors from the W3C Nu HTML Checker, listed with the lines they are on. */
	public static void assertValid(String name, String html) {
		List<HtmlValidator.Problem> errors = HtmlValidator.errors(html);
		if (!errors.isEmpty()) {
			String[] lines = html.split("\n", -1);
			StringBuilder report = new StringBuilder("Nu HTML Checker errors on " + name + ":");
			for (HtmlValidator.Problem error : errors) {
				report.append("\n  ").append(error);
				if (error.line() >= 1 && error.line() <= lines.length) {
					report.append("\n      ").append(lines[error.line() - 1].strip());
				}
			}
			throw new AssertionError(report.toString());
		}
	}

	/** Headings may go down one level at a time, and up any number; the first is h1. */
	private static void assertHeadingOrder(String name, Document page) {
		int previous = 0;
		for (Element heading : page.select("h1, h2, h3, h4, h5, h6")) {
			int level = Integer.parseInt(heading.tagName().substring(1));
			assertThat(level)
				.as("<%s>%s</%s> after h%d on %s", heading.tagName(), heading.text(), heading.tagName(), previous, name)
				.isLessThanOrEqualTo(previous + 1);
			previous = level;
		}
	}

	private static void assertControlsAreLabelled(String name, Document page) {
		for (Element control : page.select("input, select, textarea")) {
			if (control.tagName().equals("input") && UNLABELLED_INPUT_TYPES.contains(control.attr("type"))) {
				continue;
			}
			boolean labelled = !control.attr("aria-label").isBlank() || !control.attr("aria-labelledby").isBlank()
					|| (!control.id().isEmpty() && !page.select("label[for=" + control.id() + "]").text().isBlank())
					|| control.closest("label") != null;
			assertThat(labelled).as("label for %s on %s", control, name).isTrue();
		}
	}

	private static void assertLinksAndButtonsHaveNames(String name, Document page) {
		for (Element control : page.select("a[href], button, [role=checkbox], [role=img]")) {
			assertThat(accessibleName(page, control)).as("accessible name of %s on %s", control.outerHtml(), name)
				.isNotBlank();
		}
		for (Element link : page.select("a[target=_blank]")) {
			assertThat(link.attr("rel").split(" ")).as("rel of %s on %s", link, name)
				.contains("noopener", "noreferrer");
			// A link that opens a new tab says so (WCAG technique G201).
			assertThat(link.attr("aria-describedby")).as("new-tab hint of %s on %s", link, name).isNotBlank();
		}
	}

	private static String accessibleName(Document page, Element element) {
		if (!element.attr("aria-labelledby").isBlank()) {
			StringBuilder name = new StringBuilder();
			for (String id : element.attr("aria-labelledby").split("\\s+")) {
				Element label = page.getElementById(id);
				name.append((label != null) ? label.text() : "");
			}
			return name.toString();
		}
		if (!element.attr("aria-label").isBlank()) {
			return element.attr("aria-label");
		}
		return element.text();
	}

	private static void assertIdsAreUniqueAndReferencesResolve(String name, Document page) {
		Set<String> ids = new HashSet<>();
		for (Element element : page.select("[id]")) {
			assertThat(ids.add(element.id())).as("id '%s' is unique on %s", element.id(), name).isTrue();
		}
		for (Element element : page.select("[aria-labelledby], [aria-describedby], [aria-controls], label[for]")) {
			for (String attribute : List.of("aria-labelledby", "aria-describedby", "aria-controls", "for")) {
				for (String id : element.attr(attribute).split("\\s+")) {
					if (!id.isEmpty()) {
						assertThat(ids).as("%s=\"%s\" of %s on %s", attribute, id, element.tagName(), name)
							.contains(id);
					}
				}
			}
		}
		for (Element link : page.select("a[href^=#]")) {
			String target = link.attr("href").substring(1);
			assertThat(ids).as("in-page link %s on %s", link.attr("href"), name).contains(target);
		}
	}

	private static void assertNoInlineCodeOrStyle(String name, Document page) {
		assertThat(page.select("script:not([src])")).as("inline scripts on %s", name).isEmpty();
		assertThat(page.select("style")).as("style elements on %s", name).isEmpty();
		assertThat(page.select("[style]")).as("style attributes on %s", name).isEmpty();
		for (Element element : page.getAllElements()) {
			assertThat(element.attributes().asList()).as("attributes of %s on %s", element.tagName(), name)
				.noneMatch((attribute) -> attribute.getKey().startsWith("on"))
				.noneMatch((attribute) -> attribute.getKey().startsWith("th:"))
				.noneMatch((attribute) -> attribute.getKey().startsWith("sec:"));
		}
	}

	/**
	 * Content models an HTML5 parser repairs silently: interactive content nested in
	 * links or buttons, list items outside lists, lists holding something other than
	 * items, forms in forms, blocks in paragraphs or headings.
	 */
	private static void assertNesting(String name, Document page) {
		assertThat(page.select("a a, a button, button a, button button, a input, button input, a select, form form"))
			.as("nested interactive content on %s", name)
			.isEmpty();
		assertThat(page.select("li")).as("list items on %s", name)
			.allSatisfy((item) -> assertThat(item.parent().tagName()).isIn("ul", "ol", "menu"));
		assertThat(page.select("ul > *, ol > *")).as("list children on %s", name)
			.allSatisfy((child) -> assertThat(child.tagName()).isIn("li", "script", "template"));
		assertThat(page.select("p div, p section, p ul, p ol, p p, p form, p h1, p h2, p h3, p h4, p h5, p h6"))
			.as("blocks inside paragraphs on %s", name)
			.isEmpty();
		assertThat(page.select("h1 div, h2 div, h3 div, h4 div, h5 div, h6 div, h1 p, h2 p, h3 p"))
			.as("blocks inside headings on %s", name)
			.isEmpty();
		assertThat(page.select("main main, header header, footer footer, body > main ~ main"))
			.as("nested landmarks on %s", name)
			.isEmpty();
	}

}
