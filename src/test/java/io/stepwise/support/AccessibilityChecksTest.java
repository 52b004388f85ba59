package io.stepwise.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The page checks pass a sound page and catch each defect they claim to catch. */
class AccessibilityChecksTest {

	private static final String PAGE = """
			<!DOCTYPE html>
			<html lang="en">
			<head>
			<meta name="_csrf" content="token"><meta name="_csrf_header" content="X-CSRF-TOKEN">
			<title>Page</title>
			<meta name="description" content="What the page is about.">
			<script src="/js/app.js" defer></script>
			</head>
			<body>
			<a href="#main">Skip</a>
			<header><nav aria-label="Main"><a href="/">Home</a></nav></header>
			<main id="main" tabindex="-1">
			<h1>Title</h1>
			<section aria-labelledby="s"><h2 id="s">Section</h2>
			<form><label for="f">Field</label><input id="f" name="f"><input type="hidden" name="h" value="1">
			<button type="submit">Save</button></form>
			<ul><li><a href="https://example.org" target="_blank" rel="noopener noreferrer" aria-describedby="hint">Out</a></li></ul>
			<h3>Sub</h3></section>
			<h2>Next</h2>
			</main>
			<footer><p>Footer</p></footer>
			<span id="hint" hidden>opens in a new tab</span>
			</body>
			</html>
			""";

	@Test
	void passesASoundPage() {
		assertThatCode(() -> AccessibilityChecks.assertAccessible("sound", PAGE)).doesNotThrowAnyException();
	}

	@Test
	void failsOnWhatTheNuCheckerCallsAnErrorAndSaysWhere() {
		String page = PAGE.replace("<h3>Sub</h3>", "<h3><time datetime=\"soon\">Sub</time></h3>");

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> AccessibilityChecks.assertAccessible("bad datetime", page))
			.withMessageContaining("Nu HTML Checker errors on bad datetime")
			.withMessageContaining("“soon”")
			.withMessageContaining("<h3><time datetime=\"soon\">Sub</time></h3>");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			no language           | <html lang="en">                          | <html>
			no csrf meta          | <meta name="_csrf" content="token">       | <meta name="other" content="token">
			two h1                | <h2>Next</h2>                             | <h1>Next</h1>
			skipped heading level | <h3>Sub</h3>                              | <h4>Sub</h4>
			no main landmark      | <main id="main" tabindex="-1">            | <div id="main" tabindex="-1">
			no footer             | <footer><p>Footer</p></footer>            | <div><p>Footer</p></div>
			unlabelled input      | <label for="f">Field</label>              | <span>Field</span>
			nameless button       | <button type="submit">Save</button>       | <button type="submit"></button>
			duplicate id          | <h2 id="s">Section</h2>                   | <h2 id="f">Section</h2>
			dangling labelledby   | <section aria-labelledby="s">             | <section aria-labelledby="nowhere">
			inline style          | <h1>Title</h1>                            | <h1 style="color:red">Title</h1>
			inline script         | <h3>Sub</h3>                              | <h3>Sub</h3><script>alert(1)</script>
			event handler         | <h1>Title</h1>                            | <h1 onclick="x()">Title</h1>
			opener left open      | rel="noopener noreferrer"                 | rel="external"
			positive tabindex     | <main id="main" tabindex="-1">            | <main id="main" tabindex="3">
			block in paragraph    | <p>Footer</p>                             | <p><div>Footer</div></p>
			link in link          | >Out</a>                                  | >Out <a href="/x">in</a></a>
			list item outside list| <ul><li>                                  | <div><li>
			no skip link first    | <a href="#main">Skip</a>                  | <a href="/">Skip</a>
			no description        | name="description"                        | name="keywords"
			blank description     | content="What the page is about."         | content=" "
			two descriptions      | about.">                                  | about."><meta name=description>
			unprocessed template  | <h1>Title</h1>                            | <h1 th:text="${x}">Title</h1>
			""")
	void catchesEachDefect(String defect, String sound, String broken) {
		String page = PAGE.replace(sound.strip(), broken.strip());
		if (page.equals(PAGE)) {
			throw new IllegalStateException("The case '" + defect + "' changes nothing");
		}
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> AccessibilityChecks.assertAccessible(defect, page));
	}

}
