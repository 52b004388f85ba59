package io.stepwise.curriculum;

import java.util.List;
import java.util.UUID;

import io.stepwise.account.TestAccounts;
import io.stepwise.curriculum.CurriculumDraft.PhaseDraft;
import io.stepwise.curriculum.CurriculumDraft.ReferenceDraft;
import io.stepwise.curriculum.CurriculumDraft.ResourceDraft;
import io.stepwise.curriculum.CurriculumDraft.SectionDraft;
import io.stepwise.curriculum.CurriculumDraft.SkillDraft;
import io.stepwise.curriculum.CurriculumDraft.WeekDraft;
import io.stepwise.support.AccessibilityChecks;
import io.stepwise.support.StatementCounting;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Curriculum content comes from uploaded documents and admins' edits, so it is treated as
 * hostile: whatever it holds, the pages show it as text and link only to http(s).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ StatementCounting.class, TestAccounts.class })
class HostileContentTest {

	private static final String SCRIPT = "<script>alert(1)</script>";

	private static final String IMAGE = "<img src=x onerror=alert(2)>";

	private static final String MARKDOWN = SCRIPT + "\n\nRead [this](javascript:alert(3)) and " + IMAGE
			+ " and ![pic](javascript:alert(4)) and <a href=\"javascript:alert(5)\">that</a> [1][2]\n\n"
			+ "## <b onmouseover=alert(6)>Heading</b>";

	@Autowired
	MockMvc mvc;

	@Autowired
	CurriculumLibrary library;

	/**
	 * The test's transaction holds the stored curriculum; it is rolled back afterwards.
	 */
	@Test
	@Transactional
	void pagesShowHostileContentAsTextAndLinkNowhereDangerous() throws Exception {
		String slug = slug();
		this.library.add(hostileDraft(slug, "https://example.org/docs"), null);

		for (String path : List.of("/curricula/" + slug, "/curricula/" + slug + "/weeks/1", "/")) {
			String html = this.mvc.perform(get(path).accept(MediaType.TEXT_HTML))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			Document page = Jsoup.parse(html);
			assertNeutralised(page, html);
			AccessibilityChecks.assertAccessible(path, html);
		}

		Document overview = page("/curricula/" + slug);
		assertThat(overview.select("h1").text()).isEqualTo("Title " + SCRIPT);
		assertThat(overview.select(".lead-text").text()).contains(SCRIPT, IMAGE);
		assertThat(overview.select("#guidelines-heading + ul").text()).contains(SCRIPT);
		assertThat(overview.select("section.phase h3").text()).contains("<b>Phase</b>");
		assertThat(overview.select("li.week-row").text()).contains("<b>bold</b>");
		assertThat(overview.select("section.info-section").text()).contains(SCRIPT, IMAGE);
		assertThat(overview.select("#references-heading + ol a").eachAttr("href"))
			.containsExactly("https://example.org/ref-1", "https://example.org/ref-2");

		Document week = page("/curricula/" + slug + "/weeks/1");
		assertThat(week.select("#skills-heading + ul strong").eachText()).containsExactly("<b>bold</b>");
		assertThat(week.select("#skills-heading + ul li").text()).contains(IMAGE);
		assertThat(week.select("#tasks-heading + ol li").text()).contains(SCRIPT);
		assertThat(week.select("#resources-heading ~ ul.resources a[href=https://example.org/docs]").text())
			.isEqualTo(SCRIPT);
	}

	@ParameterizedTest
	@ValueSource(strings = { "javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)",
			"java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>", "//evil.example/x",
			"https:evil.example", "vbscript:msgbox(1)" })
	void refusesToStoreAResourceLinkThatIsNotHttp(String url) {
		String slug = slug();
		assertThatIllegalArgumentException().isThrownBy(() -> this.library.add(hostileDraft(slug, url), null))
			.withMessageContaining("Only http and https links");
		assertThat(this.library.contains(slug)).as("nothing of the curriculum is stored").isFalse();
	}

	@Test
	void refusesToStoreAReferenceThatIsNotHttp() {
		String slug = slug();
		CurriculumDraft draft = new CurriculumDraft(slug, "T", "", List.of(),
				List.of(new PhaseDraft("P", "", MonthSpan.of(1),
						List.of(new WeekDraft(1, "", List.of(1), List.of(), List.of(), List.of("task"))))),
				List.of(), List.of(new ReferenceDraft(1, "javascript:alert(1)")), 1);
		assertThatIllegalArgumentException().isThrownBy(() -> this.library.add(draft, null));
		assertThat(this.library.contains(slug)).isFalse();
	}

	static void assertNeutralised(Document page, String html) {
		assertThat(html).doesNotContainIgnoringCase("<script>alert").doesNotContainIgnoringCase("<img");
		assertThat(page.select("script:not([src])")).as("inline scripts").isEmpty();
		assertThat(page.select("img, iframe, object, embed")).isEmpty();
		for (Element element : page.getAllElements()) {
			assertThat(element.attributes().asList()).as("attributes of <%s>", element.tagName())
				.noneMatch((attribute) -> attribute.getKey().toLowerCase().startsWith("on"))
				.noneMatch((attribute) -> attribute.getValue().strip().toLowerCase().startsWith("javascript:"));
		}
		assertThat(page.select("main b")).isEmpty();
		assertThat(page.select("a[href]")).allSatisfy((link) -> {
			String href = link.attr("href");
			assertThat(href.isEmpty() || href.startsWith("/") || href.startsWith("#") || href.startsWith("https://")
					|| href.startsWith("http://"))
				.as(href)
				.isTrue();
			if (href.startsWith("http")) {
				assertThat(link.attr("rel")).isEqualTo("noopener noreferrer");
			}
		});
	}

	private Document page(String path) throws Exception {
		return Jsoup.parse(this.mvc.perform(get(path).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static String slug() {
		return "hostile-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static CurriculumDraft hostileDraft(String slug, String resourceUrl) {
		ResourceDraft resource = new ResourceDraft(SCRIPT, resourceUrl, ResourceKind.DOCUMENT, IMAGE, List.of(2));
		WeekDraft week = new WeekDraft(1, SCRIPT, List.of(1),
				List.of(new SkillDraft("<b>bold</b>", IMAGE + " [x](javascript:alert(7))", List.of(1, 2))),
				List.of(resource), List.of(SCRIPT, "[y](javascript:alert(8))"));
		PhaseDraft phase = new PhaseDraft("<b>Phase</b>", IMAGE, MonthSpan.of(1), List.of(week));
		SectionDraft tools = new SectionDraft("Tools " + SCRIPT, "<b>Group</b>", SectionKind.RESOURCES, List.of(1), "",
				List.of(new ResourceDraft(IMAGE, null, ResourceKind.TOOL, SCRIPT, List.of())));
		SectionDraft info = new SectionDraft("Info", "Info " + SCRIPT, SectionKind.INFO, List.of(2), MARKDOWN,
				List.of());
		return new CurriculumDraft(slug, "Title " + SCRIPT, MARKDOWN, List.of(SCRIPT + " [g](javascript:alert(9))"),
				List.of(phase), List.of(tools, info), List.of(new ReferenceDraft(1, "https://example.org/ref-1"),
						new ReferenceDraft(2, "https://example.org/ref-2")),
				4);
	}

}
