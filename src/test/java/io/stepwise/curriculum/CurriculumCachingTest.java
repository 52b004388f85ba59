package io.stepwise.curriculum;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stepwise.StepwiseApplication;
import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.curriculum.CurriculumEdits.Basis;
import io.stepwise.curriculum.CurriculumEdits.EditDetails;
import io.stepwise.curriculum.CurriculumEdits.EditWeek;
import io.stepwise.curriculum.CurriculumEdits.Editor;
import io.stepwise.curriculum.CurriculumEdits.Part;
import io.stepwise.curriculum.CurriculumEdits.Removal;
import io.stepwise.curriculum.CurriculumEdits.WeekContent;
import io.stepwise.curriculum.CurriculumTree.WeekView;
import io.stepwise.support.StatementCounter;
import io.stepwise.support.StatementCounting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.stepwise.support.AccessibilityChecks.assertAccessible;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Curricula and anonymous visitors' pages are kept in memory by version: an edit of any
 * kind, on this instance or another one on the same database, shows on the next request;
 * pages carry validators and answer 304; static assets are linked by fingerprinted names.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ EditingFixtures.class, StatementCounting.class })
class CurriculumCachingTest {

	private static final Pattern STYLESHEET = Pattern.compile("href=\"(/css/stepwise-[0-9a-f]{32}\\.css)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	EditingFixtures fixtures;

	@Autowired
	CurriculumEditor editor;

	@Autowired
	TestAccounts accounts;

	@Autowired
	StatementCounter statements;

	@Value("${local.server.port}")
	int port;

	@Value("${spring.datasource.url}")
	String databaseUrl;

	private String slug;

	@BeforeEach
	void curriculum() {
		this.slug = this.fixtures.curriculum();
	}

	@Test
	void anAnonymousPageCarriesValidatorsAndNoSessionAndAnswersAMatchingTagWith304() throws Exception {
		MvcResult result = this.mvc.perform(get("/curricula/" + this.slug).accept(MediaType.TEXT_HTML)).andReturn();
		assertThat(result.getRequest().getSession(false)).as("a session").isNull();
		MockHttpServletResponse page = result.getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-cache");
		assertThat(page.getHeader(HttpHeaders.PRAGMA)).isNull();
		assertThat(page.getHeaders(HttpHeaders.VARY)).contains(HttpHeaders.ACCEPT_LANGUAGE);
		assertThat(page.getHeader(HttpHeaders.SET_COOKIE)).isNull();
		assertThat(page.getHeader(HttpHeaders.LAST_MODIFIED)).isNotNull();
		String etag = page.getHeader(HttpHeaders.ETAG);
		assertThat(etag).matches("W/\"[0-9a-f]{32}\"");
		assertAccessible("cached overview", page.getContentAsString());

		this.mvc.perform(get("/curricula/" + this.slug).header(HttpHeaders.IF_NONE_MATCH, etag))
			.andExpect(status().isNotModified())
			.andExpect(header().string(HttpHeaders.ETAG, etag));
		this.mvc.perform(get("/curricula/" + this.slug).header(HttpHeaders.IF_NONE_MATCH, "W/\"other\""))
			.andExpect(status().isOk());
		this.mvc
			.perform(get("/curricula/" + this.slug).header(HttpHeaders.IF_MODIFIED_SINCE,
					page.getHeader(HttpHeaders.LAST_MODIFIED)))
			.andExpect(status().isNotModified());
		// the same bytes, served again
		assertThat(anonymous("/curricula/" + this.slug).getContentAsByteArray())
			.isEqualTo(page.getContentAsByteArray());
	}

	@Test
	void anEditShowsOnTheNextAnonymousRequestAndTheOldTagNoLongerMatches() throws Exception {
		String week = "/curricula/" + this.slug + "/weeks/1";
		String etag = anonymous(week).getHeader(HttpHeaders.ETAG);
		assertThat(anonymous("/").getContentAsString()).contains("Editing test");

		WeekView first = this.fixtures.week(this.slug, 1);
		this.editor.editWeek(new EditWeek(basis(), first.id(), new WeekContent("Renamed week", first.phaseId())));
		this.mvc.perform(get(week).header(HttpHeaders.IF_NONE_MATCH, etag)).andExpect(status().isOk());
		assertThat(anonymous(week).getContentAsString()).contains("Renamed week");

		this.editor.editDetails(new EditDetails(basis(), "Retitled curriculum", "", 12));
		assertThat(anonymous(week).getContentAsString()).contains("Retitled curriculum");
		assertThat(anonymous("/").getContentAsString()).contains("Retitled curriculum");

		this.editor.remove(new Removal(basis(), Part.TASK, this.fixtures.taskId(this.slug, "Task B")));
		assertThat(anonymous(week).getContentAsString()).doesNotContain("Task B").contains("Task A");
	}

	@Test
	void aLearnersPageIsRenderedForTheLearnerAndNeverKeptByAnyCache() throws Exception {
		anonymous("/curricula/" + this.slug + "/weeks/1");
		AccountUser learner = this.accounts.learner();
		this.mvc.perform(get("/curricula/" + this.slug + "/weeks/1").with(user(learner)))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate"))
			.andExpect(header().doesNotExist(HttpHeaders.ETAG));
	}

	@Test
	void aCachedPageCostsOneStatementWhateverTheCurriculum() throws Exception {
		String week = "/curricula/" + this.slug + "/weeks/1";
		this.statements.reset();
		anonymous(week);
		long cold = this.statements.total();
		this.statements.resetWarm();
		anonymous(week);
		assertThat(this.statements.total()).as("the curriculum's version only").isEqualTo(1);
		assertThat(cold).isEqualTo(CurriculumPageStatementsTest.STATEMENTS_PER_CURRICULUM_PAGE);
		// a learner's page reads the cached tree after its version
		AccountUser learner = this.accounts.learner();
		this.statements.resetWarm();
		this.mvc.perform(get("/curricula/" + this.slug).with(user(learner))).andExpect(status().isOk());
		long learnerWarm = this.statements.total();
		this.statements.reset();
		this.mvc.perform(get("/curricula/" + this.slug).with(user(learner))).andExpect(status().isOk());
		assertThat(this.statements.total() - learnerWarm).as("what the cache saves")
			.isEqualTo(CurriculumPageStatementsTest.STATEMENTS_PER_CURRICULUM_PAGE - 1);
	}

	@Test
	void pagesAreCompressedAndLinkFingerprintedAssetsKeptForAYear() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		HttpResponse<byte[]> page = client.send(HttpRequest.newBuilder(uri("/curricula/" + this.slug))
			.header(HttpHeaders.ACCEPT_ENCODING, "gzip")
			.build(), BodyHandlers.ofByteArray());
		assertThat(page.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).contains("gzip");
		assertThat(page.headers().firstValue(HttpHeaders.ETAG)).hasValueSatisfying((tag) -> tag.startsWith("W/"));

		String html = anonymous("/curricula/" + this.slug).getContentAsString();
		Matcher stylesheet = STYLESHEET.matcher(html);
		assertThat(stylesheet.find()).as("a fingerprinted stylesheet in " + html).isTrue();
		assertThat(html).containsPattern("/webjars/bootstrap/[^\"]*bootstrap\\.min-[0-9a-f]{32}\\.css")
			.containsPattern("/js/stepwise-[0-9a-f]{32}\\.js");
		HttpResponse<String> asset = client.send(HttpRequest.newBuilder(uri(stylesheet.group(1))).build(),
				BodyHandlers.ofString());
		assertThat(asset.statusCode()).isEqualTo(200);
		assertThat(asset.headers().firstValue(HttpHeaders.CACHE_CONTROL))
			.contains("public, max-age=31536000, immutable");
		HttpResponse<String> plain = client.send(HttpRequest.newBuilder(uri("/css/stepwise.css")).build(),
				BodyHandlers.ofString());
		assertThat(plain.headers().firstValue(HttpHeaders.CACHE_CONTROL)).contains("no-cache");
		HttpResponse<String> missing = client.send(
				HttpRequest.newBuilder(uri("/css/gone-0123456789abcdef0123456789abcdef.css")).build(),
				BodyHandlers.ofString());
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.headers().firstValue(HttpHeaders.CACHE_CONTROL))
			.hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
	}

	@Test
	void anEditOnOneInstanceShowsOnAnotherOnTheSameDatabaseAtItsNextRequest() throws Exception {
		try (ConfigurableApplicationContext other = new SpringApplicationBuilder(StepwiseApplication.class).run(
				"--spring.profiles.active=test", "--server.port=0", "--spring.main.banner-mode=off",
				"--spring.datasource.url=" + this.databaseUrl, "--spring.jmx.enabled=false")) {
			String b = "http://127.0.0.1:" + other.getEnvironment().getProperty("local.server.port");
			HttpClient client = HttpClient.newHttpClient();
			URI week = URI.create(b + "/curricula/" + this.slug + "/weeks/1");
			assertThat(client.send(HttpRequest.newBuilder(week).build(), BodyHandlers.ofString()).body())
				.contains("Basics");
			WeekView first = this.fixtures.week(this.slug, 1);
			this.editor.editWeek(new EditWeek(basis(), first.id(), new WeekContent("Edited on A", first.phaseId())));
			assertThat(client.send(HttpRequest.newBuilder(week).build(), BodyHandlers.ofString()).body())
				.contains("Edited on A")
				.doesNotContain("Basics");
		}
	}

	private MockHttpServletResponse anonymous(String path) throws Exception {
		return this.mvc.perform(get(path).accept(MediaType.TEXT_HTML)).andReturn().getResponse();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private Basis basis() {
		AccountUser admin = this.fixtures.admin();
		return new Basis(this.slug, this.fixtures.version(this.slug), new Editor(admin.id(), admin.getUsername()));
	}

}
