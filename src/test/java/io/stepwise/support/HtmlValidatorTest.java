package io.stepwise.support;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

import io.stepwise.support.HtmlValidator.Problem;

import static org.assertj.core.api.Assertions.assertThat;

/** The Nu checker runs offline, passes valid HTML and reports errors where they are. */
class HtmlValidatorTest {

	private static final String VALID = """
			<!DOCTYPE html>
			<html lang="en">
			<head><meta charset="utf-8"><title>Page</title></head>
			<body>
			<main><h1>Title</h1><p><time datetime="2026-09-07T10:15:30Z">7 September</time></p></main>
			</body>
			</html>
			""";

	@Test
	void passesAValidPage() {
		assertThat(HtmlValidator.errors(VALID)).isEmpty();
	}

	@Test
	void reportsAnErrorWithItsLineAndWhatIsWrong() {
		String invalid = VALID.replace("2026-09-07T10:15:30Z", "2026-09-07T10:15:30.123456789Z")
			.replace("<p>", "<p>\n<div>block</div>");

		assertThat(HtmlValidator.errors(invalid)).isNotEmpty()
			.anySatisfy((problem) -> assertThat(problem.message()).contains("datetime"))
			.extracting(Problem::line)
			.allSatisfy((line) -> assertThat(line).isBetween(5, 6));
	}

	@Test
	void warningsDoNotCount() {
		// A redundant role is only a warning.
		assertThat(HtmlValidator.errors(VALID.replace("<main>", "<main role=\"main\">"))).isEmpty();
	}

	@Test
	void thePageShownWhileTheDatabaseIsDownIsValid() throws IOException {
		try (InputStream page = getClass().getResourceAsStream("/system/unavailable.html")) {
			assertThat(HtmlValidator.errors(page.readAllBytes())).isEmpty();
		}
	}

}
