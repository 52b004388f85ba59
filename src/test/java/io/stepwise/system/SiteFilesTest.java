package io.stepwise.system;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What every page shares beyond its content: robots.txt for crawlers, the colour mode
 * switch that lives in the browser alone, and the stylesheet's dark and print rules.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestPropertySource(properties = "stepwise.site.public-url=https://learn.example.org")
class SiteFilesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void robotsLetCrawlersReadTheCurriculaAndKeepThemOutOfAccountsAndTools() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/robots.txt").header("Host", "evil.example"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();

		assertThat(MediaType.parseMediaType(response.getContentType()))
			.isEqualTo(MediaType.parseMediaType("text/plain;charset=UTF-8"));
		List<String> lines = response.getContentAsString().lines().toList();
		assertThat(lines).first().isEqualTo("User-agent: *");
		assertThat(lines).contains("Allow: /$", "Allow: /curricula/");
		assertThat(lines).contains("Disallow: /account", "Disallow: /admin", "Disallow: /mentor", "Disallow: /login",
				"Disallow: /signup", "Disallow: /dashboard", "Disallow: /api/", "Disallow: /calendar",
				"Disallow: /join/", "Disallow: /curricula/*/enrollment");
		assertThat(lines).noneMatch((line) -> line.equals("Disallow: /curricula/") || line.equals("Disallow: /"));
		assertThat(lines).last().isEqualTo("Sitemap: https://learn.example.org/sitemap.xml");
	}

	@Test
	void robotsArePublicMakeNoSessionAndAnswerHead() throws Exception {
		int before = sessionRows();
		MockHttpServletResponse get = this.mvc.perform(get("/robots.txt")).andReturn().getResponse();
		MockHttpServletResponse head = this.mvc.perform(head("/robots.txt")).andReturn().getResponse();

		for (MockHttpServletResponse response : List.of(get, head)) {
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getHeaders("Set-Cookie")).isEmpty();
		}
		assertThat(head.getContentType()).isEqualTo(get.getContentType());
		assertThat(sessionRows()).isEqualTo(before);
	}

	@Test
	void theColourModeScriptRunsBeforeTheStylesAndTheSwitchWaitsForIt() throws Exception {
		Document page = page("/");

		Element script = page.selectFirst("head script[src*=theme]");
		assertThat(script).isNotNull();
		// Synchronous: deferred or async, it would run after the first paint.
		assertThat(script.hasAttr("defer") || script.hasAttr("async")).isFalse();
		assertThat(script.elementSiblingIndex())
			.isLessThan(page.selectFirst("head link[rel=stylesheet]").elementSiblingIndex());
		// The server never picks a mode: the HTML is the same for every visitor.
		assertThat(page.selectFirst("html").hasAttr("data-bs-theme")).isFalse();

		Element control = page.getElementById("theme-switch");
		assertThat(control.hasAttr("hidden")).isTrue();
		assertThat(control.selectFirst("[role=group]").attr("aria-label")).isNotBlank();
		assertThat(control.select("button[type=button][data-theme-choice]").eachAttr("data-theme-choice"))
			.containsExactly("light", "dark", "auto");
		assertThat(control.select("button").eachAttr("aria-pressed")).containsOnly("false");
		assertThat(control.select("button").eachText()).doesNotContain("");
	}

	@Test
	void theScriptKeepsTheChoiceInTheBrowserAndFollowsTheSystem() throws Exception {
		String script = this.mvc.perform(get("/js/theme.js"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(script).contains("localStorage", "prefers-color-scheme: dark", "data-bs-theme", "aria-pressed")
			.doesNotContain("document.cookie", "fetch(", "XMLHttpRequest");
	}

	@Test
	void theStylesheetHasDarkColoursAndAPrintedChecklist() throws Exception {
		String css = this.mvc.perform(get("/css/stepwise.css"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(css).contains("[data-bs-theme=dark]", "@media print", ".checklist-item > div::before",
				".checklist-item.is-done > div::before", "\\2610", "\\2611", "attr(href)", "break-inside: avoid",
				"#theme-switch");
	}

	private Document page(String path) throws Exception {
		return Jsoup.parse(this.mvc.perform(get(path).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private int sessionRows() {
		return this.jdbc.queryForObject("select count(*) from spring_session", Integer.class);
	}

}
