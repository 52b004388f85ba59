package io.stepwise.curriculum;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ContentRendererTest {

	private final ContentRenderer renderer = new ContentRenderer();

	@Test
	void escapesRawHtmlBlocksAndInlineHtml() {
		String html = this.renderer.block("""
				<script>alert(1)</script>

				Text with <img src=x onerror=alert(1)> and <b onclick="alert(2)">bold</b>.
				""", Set.of());
		assertThat(html).doesNotContain("<script", "<img", "<b ").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
		Document document = Jsoup.parseBodyFragment(html);
		assertThat(document.select("script, img, b")).isEmpty();
		assertThat(document.body().text()).contains("<img src=x onerror=alert(1)>", "<b onclick=\"alert(2)\">bold</b>");
		assertThat(document.getAllElements()).allSatisfy((element) -> assertThat(element.attributes().asList())
			.noneMatch((attribute) -> attribute.getKey().startsWith("on")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "javascript:alert(1)", "JaVaScRiPt:alert(1)", "&#106;avascript:alert(1)",
			"vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "file:///etc/passwd",
			"//evil.example/x", "/relative/path", "ftp://example.org/file" })
	void dropsLinkTargetsThatAreNotHttpMailtoOrInPage(String url) {
		Element link = onlyLink(this.renderer.block("[click](" + url + ") and <" + url + ">", Set.of()));
		assertThat(link.attr("href")).isEmpty();
		assertThat(link.hasAttr("target")).isFalse();
	}

	@Test
	void refusesJavascriptInAutolinksAndReferenceDefinitions() {
		String html = this.renderer.block("<javascript:alert(1)> and [x][bad]\n\n[bad]: javascript:alert(2)", Set.of());
		Document document = Jsoup.parseBodyFragment(html);
		assertThat(document.select("a")).isNotEmpty()
			.allSatisfy((link) -> assertThat(link.attr("href")).doesNotContainIgnoringCase("javascript"));
	}

	@Test
	void externalLinksOpenInANewTabWithoutOpenerOrReferrerAndSayTheyDo() {
		Element link = onlyLink(this.renderer.block("See [the docs](https://docs.example.org/a?b=1&c=2).", Set.of()));
		assertThat(link.attr("href")).isEqualTo("https://docs.example.org/a?b=1&c=2");
		assertThat(link.attr("rel")).isEqualTo("noopener noreferrer");
		assertThat(link.attr("target")).isEqualTo("_blank");
		assertThat(link.attr("aria-describedby")).isEqualTo("external-link-hint");
		assertThat(link.text()).isEqualTo("the docs");
	}

	@Test
	void mailtoLinksStayInTheSameTab() {
		Element link = onlyLink(this.renderer.block("[Write](mailto:team@example.org)", Set.of()));
		assertThat(link.attr("href")).isEqualTo("mailto:team@example.org");
		assertThat(link.hasAttr("target")).isFalse();
	}

	@Test
	void imagesBecomeTheirAltTextAndLoadNothing() {
		String html = this.renderer.block("Look: ![a diagram](https://example.org/x.png) there", Set.of());
		Document document = Jsoup.parseBodyFragment(html);
		assertThat(document.select("img")).isEmpty();
		assertThat(document.body().text()).isEqualTo("Look: a diagram there");
	}

	@Test
	void linksCitationMarkersOnlyToReferencesTheCurriculumHas() {
		String html = this.renderer.block("Known[1][3], unknown[2], a year [2024] and text [x].", Set.of(1, 3));
		Document document = Jsoup.parseBodyFragment(html);
		assertThat(document.select("a").eachAttr("href")).containsExactly("#ref-1", "#ref-3");
		assertThat(document.select("a").eachText()).containsExactly("[1]", "[3]");
		assertThat(document.select("a[target]")).isEmpty();
		assertThat(document.body().text()).isEqualTo("Known[1][3], unknown[2], a year [2024] and text [x].");
	}

	@Test
	void leavesMarkersInsideLinksAndCodeAsText() {
		String html = this.renderer.block("[see [1]](https://example.org) and `list[1]`", Set.of(1));
		Document document = Jsoup.parseBodyFragment(html);
		assertThat(document.select("a").eachAttr("href")).containsExactly("https://example.org");
		assertThat(document.select("a a")).isEmpty();
		assertThat(document.select("code").text()).isEqualTo("list[1]");
	}

	@Test
	void sectionHeadingsStartAtH3AndKeepTheirRelativeLevels() {
		Document document = Jsoup.parseBodyFragment(
				this.renderer.block("# One\n\n## Two\n\n### Three\n\n#### Four\n\n###### Six", Set.of()));
		assertThat(document.select("h1, h2")).isEmpty();
		assertThat(document.select("h3").eachText()).containsExactly("One");
		assertThat(document.select("h4").eachText()).containsExactly("Two");
		assertThat(document.select("h5").eachText()).containsExactly("Three");
		assertThat(document.select("h6").eachText()).containsExactly("Four", "Six");
	}

	@Test
	void aDocumentStartingWithSmallHeadingsIsMovedUpSoTheOutlineHasNoGap() {
		Document document = Jsoup.parseBodyFragment(this.renderer.block("#### Only\n\n##### Below", Set.of()));
		assertThat(document.select("h3").eachText()).containsExactly("Only");
		assertThat(document.select("h4").eachText()).containsExactly("Below");
	}

	@Test
	void introHeadingsStartAtH2RightUnderThePageTitle() {
		Document document = Jsoup.parseBodyFragment(this.renderer.intro("# Welcome\n\n### Detail\n\ntext", Set.of()));
		assertThat(document.select("h1")).isEmpty();
		assertThat(document.select("h2").eachText()).containsExactly("Welcome");
		assertThat(document.select("h4").eachText()).containsExactly("Detail");
	}

	@Test
	void inlineRendersOneLineWithoutParagraph() {
		String html = this.renderer.inline("**Commit daily** to <i>GitHub</i> [1]", Set.of(1));
		assertThat(html).startsWith("<strong>Commit daily</strong> to &lt;i&gt;GitHub&lt;/i&gt; <a ")
			.doesNotContain("<p>", "<i>");
		assertThat(Jsoup.parseBodyFragment(html).select("a").eachAttr("href")).containsExactly("#ref-1");
	}

	@Test
	void rendersNothingForMissingText() {
		assertThat(this.renderer.block(null, Set.of())).isEmpty();
		assertThat(this.renderer.inline("", Set.of())).isEmpty();
	}

	private static Element onlyLink(String html) {
		Document document = Jsoup.parseBodyFragment(html);
		assertThat(document.select("a")).isNotEmpty();
		assertThat(document.select("a").eachAttr("href")).as(html)
			.allMatch((href) -> href.equals(document.select("a").first().attr("href")));
		return document.selectFirst("a");
	}

}
