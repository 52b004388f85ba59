package io.stepwise.curriculum;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.curriculum.CurriculumTree.WeekView;
import io.stepwise.support.BundledDocuments;
import io.stepwise.support.StatementCounter;
import io.stepwise.support.StatementCounting;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the curriculum pages tell search engines and printers: a description of their own,
 * a sitemap of every public page at the public address, and checklist items marked for
 * the print stylesheet.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestPropertySource(properties = "stepwise.site.public-url=https://learn.example.org/school")
@Import({ StatementCounting.class, TestAccounts.class, EditingFixtures.class })
class SiteMetadataTest {

	private static final String BASE = "https://learn.example.org/school";

	@Autowired
	MockMvc mvc;

	@Autowired
	CurriculumCatalog catalog;

	@Autowired
	TestAccounts accounts;

	@Autowired
	StatementCounter statements;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EditingFixtures editing;

	@Test
	void eachOverviewDescribesItsCurriculumWithTheStartOfItsIntro() throws Exception {
		Set<String> seen = new HashSet<>();
		for (String slug : BundledDocuments.slugs().toList()) {
			CurriculumTree curriculum = this.catalog.tree(slug).orElseThrow();
			String description = description(page(get("/curricula/" + slug)));
			String intro = PageDescriptions.plainText(curriculum.introHtml());

			assertThat(description).startsWith(curriculum.title())
				.hasSizeLessThanOrEqualTo(PageDescriptions.MAX_LENGTH)
				.doesNotContain("<", "[1]");
			if (intro.isEmpty()) {
				assertThat(description).startsWith(curriculum.title() + ", " + curriculum.weekCount() + " weeks: ")
					.contains(curriculum.phases().get(0).title());
			}
			else {
				assertThat(description).startsWith(curriculum.title() + ": ");
				String excerpt = description.substring(curriculum.title().length() + 2).replace("\u2026", "");
				assertThat(intro).startsWith(excerpt);
			}
			assertThat(seen.add(description)).as("descriptions differ").isTrue();
		}
	}

	@Test
	void eachWeekDescribesItselfWithItsPhaseAndCurriculum() throws Exception {
		CurriculumTree curriculum = this.catalog.tree(BundledDocuments.SYLLABUS).orElseThrow();
		Set<String> seen = new HashSet<>();
		for (int number : List.of(1, 2, curriculum.weekCount())) {
			WeekView week = curriculum.week(number).orElseThrow();
			String description = description(page(get("/curricula/" + curriculum.slug() + "/weeks/" + number)));

			assertThat(description).startsWith("Week " + number + (week.hasTitle() ? ": " + week.title() : ","))
				.contains(curriculum.phaseOf(week).orElseThrow().title())
				.contains(curriculum.title())
				.hasSizeLessThanOrEqualTo(PageDescriptions.MAX_LENGTH);
			assertThat(seen.add(description)).as("descriptions differ").isTrue();
		}
	}

	@Test
	void otherPagesHaveTheDescriptionOfTheirPartOfThePortal() throws Exception {
		String home = description(page(get("/")));
		String login = description(page(get("/login")));
		String signup = description(page(get("/signup")));

		assertThat(List.of(home, login, signup)).doesNotHaveDuplicates()
			.allSatisfy((text) -> assertThat(text).isNotBlank());
		assertThat(home).contains("Stepwise");
	}

	@Test
	void weekItemsCarryTheClassesThePrintStylesheetTicks() throws Exception {
		AccountUser learner = this.accounts.learner();
		CurriculumTree curriculum = this.catalog.tree(BundledDocuments.SYLLABUS).orElseThrow();
		WeekView week = curriculum.week(1).orElseThrow();
		long done = week.skills().get(0).id();
		this.mvc.perform(post("/curricula/{slug}/enrollment", curriculum.slug()).with(user(learner)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/curricula/{slug}/items/{id}", curriculum.slug(), done).param("done", "true")
				.with(user(learner))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());

		Document page = page(get("/curricula/" + curriculum.slug() + "/weeks/1").with(user(learner)));

		assertThat(page.select("li.checklist-item")).hasSize(week.skills().size() + week.tasks().size());
		assertThat(page.select("li.checklist-item.is-done").eachAttr("id")).containsExactly("item-" + done);
		Document anonymous = page(get("/curricula/" + curriculum.slug() + "/weeks/1"));
		assertThat(anonymous.select("li.checklist-item")).hasSize(week.skills().size() + week.tasks().size());
		assertThat(anonymous.select("li.is-done")).isEmpty();
	}

	@Test
	void theSitemapListsHomeEachOverviewAndEveryWeekAtThePublicAddress() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/sitemap.xml").header("Host", "evil.example"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();

		assertThat(MediaType.parseMediaType(response.getContentType()))
			.isEqualTo(MediaType.parseMediaType("application/xml;charset=UTF-8"));
		org.w3c.dom.Document xml = xml(response.getContentAsString());
		assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
		assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("urlset");
		List<String> locations = texts(xml, "loc");
		List<String> expected = new ArrayList<>(List.of(BASE + "/"));
		for (CurriculumSummary summary : this.catalog.summaries()) {
			CurriculumTree curriculum = this.catalog.tree(summary.slug()).orElseThrow();
			expected.add(BASE + "/curricula/" + curriculum.slug());
			curriculum.weeks()
				.forEach((week) -> expected.add(BASE + "/curricula/" + curriculum.slug() + "/weeks/" + week.number()));
		}
		assertThat(locations).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(locations).contains(BASE + "/curricula/" + BundledDocuments.SYLLABUS + "/weeks/24");
		// Every curriculum page says when its curriculum last changed; the home page not.
		assertThat(texts(xml, "lastmod")).hasSize(expected.size() - 1)
			.allSatisfy((date) -> assertThat(date).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
	}

	@Test
	void theSitemapCostsOneStatementWhateverTheNumberOfCurricula() throws Exception {
		long before = sitemapStatements();
		String added = this.editing.curriculum();

		assertThat(before).isEqualTo(1);
		assertThat(sitemapStatements()).isEqualTo(before);
		assertThat(this.mvc.perform(get("/sitemap.xml")).andReturn().getResponse().getContentAsString())
			.contains(BASE + "/curricula/" + added + "/weeks/1");
	}

	@Test
	void theSitemapIsPublicMakesNoSessionAndAnswersHead() throws Exception {
		int before = sessionRows();
		MockHttpServletResponse get = this.mvc.perform(get("/sitemap.xml")).andReturn().getResponse();
		MockHttpServletResponse head = this.mvc.perform(head("/sitemap.xml")).andReturn().getResponse();

		for (MockHttpServletResponse response : List.of(get, head)) {
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getHeaders("Set-Cookie")).isEmpty();
		}
		assertThat(head.getContentType()).isEqualTo(get.getContentType());
		assertThat(sessionRows()).isEqualTo(before);
	}

	@Test
	void escapesWhatXmlWouldReadAsMarkup() {
		assertThat(SitemapController.escape("https://x.org/a?b=1&c=<'\">"))
			.isEqualTo("https://x.org/a?b=1&amp;c=&lt;&apos;&quot;&gt;");
	}

	private long sitemapStatements() throws Exception {
		this.statements.reset();
		this.mvc.perform(get("/sitemap.xml")).andExpect(status().isOk());
		return this.statements.total();
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return Jsoup.parse(this.mvc.perform(request.accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static String description(Document page) {
		assertThat(page.select("meta[name=description]")).hasSize(1);
		return page.selectFirst("meta[name=description]").attr("content");
	}

	private static org.w3c.dom.Document xml(String text) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
	}

	private static List<String> texts(org.w3c.dom.Document xml, String name) {
		NodeList nodes = xml.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", name);
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			texts.add(nodes.item(i).getTextContent());
		}
		return texts;
	}

	private int sessionRows() {
		return this.jdbc.queryForObject("select count(*) from spring_session", Integer.class);
	}

}
