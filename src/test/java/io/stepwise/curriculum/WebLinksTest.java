package io.stepwise.curriculum;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebLinksTest {

	@ParameterizedTest
	@ValueSource(strings = { "https://docs.djangoproject.com/en/stable/", "http://example.org", "HTTPS://example.org/A",
			"https://example.org:8443/a?b=c&d=e#f", "https://[2001:db8::1]/x" })
	void acceptsAbsoluteHttpAndHttpsUrlsWithAHost(String url) {
		assertThat(WebLinks.isHttp(url)).isTrue();
		assertThat(WebLinks.safeOrNull(url)).isEqualTo(url);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)",
			"java\tscript:alert(1)", "https://example.org/\njavascript:alert(1)", "data:text/html,<b>x</b>",
			"vbscript:msgbox(1)", "mailto:someone@example.org", "ftp://example.org/file", "//example.org/x",
			"/relative", "https:example.org", "https:///path-without-host", "https://exa mple.org",
			"https://example.org/<script>", "file:///etc/passwd", "https://example.org/\u202Etxt.exe",
			"https://example.org/\u2066x", "https://example.org/\u0085" })
	void refusesEverythingElse(String url) {
		assertThat(WebLinks.isHttp(url)).isFalse();
		assertThat(WebLinks.safeOrNull(url)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "javascript:alert(1)", "data:text/html,x", "//example.org/x" })
	void requireHttpRefusesWhatMayNotBeLinkedTo(String url) {
		assertThatIllegalArgumentException().isThrownBy(() -> WebLinks.requireHttp(url));
	}

	@ParameterizedTest
	@CsvSource({ "https://example.org/A,https://example.org/A", "HTTPS://Example.org/A,https://Example.org/A",
			"Http://example.org,http://example.org" })
	void requireHttpStoresTheSchemeInLowerCase(String url, String stored) {
		assertThat(WebLinks.requireHttp(url)).isEqualTo(stored);
	}

	@ParameterizedTest
	@NullAndEmptySource
	void requireHttpLetsAMissingUrlThroughButNotAnEmptyOne(String url) {
		if (url == null) {
			assertThat(WebLinks.requireHttp(null)).isNull();
		}
		else {
			assertThatIllegalArgumentException().isThrownBy(() -> WebLinks.requireHttp(url));
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 2000, 2001 })
	void refusesUrlsLongerThanTheDatabaseColumn(int length) {
		String url = "https://example.org/" + "a".repeat(length - "https://example.org/".length());
		assertThat(WebLinks.isHttp(url)).isEqualTo(length <= 2000);
	}

}
