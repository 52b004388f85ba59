package io.stepwise.authoring;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import io.stepwise.account.AccountUser;
import io.stepwise.cohort.CohortFixtures;
import io.stepwise.curriculum.CurriculumCatalog;
import io.stepwise.support.BundledDocuments;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static io.stepwise.support.FullLogin.fullLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The import pages: upload, preview with its changes, apply, cancel, and who may use
 * them.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ CohortFixtures.class, ImportFixture.class })
class CurriculumImportPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CohortFixtures fixtures;

	@Autowired
	ImportFixture imports;

	@Autowired
	CurriculumCatalog catalog;

	@Autowired
	JdbcTemplate jdbc;

	AccountUser admin;

	@BeforeEach
	void newAdmin() {
		this.admin = this.fixtures.admin();
	}

	@Test
	void theAdminHomeLinksToTheImportPageWhichOffersEveryCurriculumForExport() throws Exception {
		assertThat(page(get("/admin"), 200).select("main a[href=/admin/curricula/import]")).hasSize(1);
		Document page = page(get("/admin/curricula/import"), 200);
		assertThat(page.select("form[enctype=multipart/form-data] input[type=file][name=file]")).hasSize(1);
		for (String slug : BundledDocuments.slugs().toList()) {
			assertThat(page.select("a[href=/api/v1/curricula/" + slug + "/export][download]")).hasSize(1);
		}
	}

	@Test
	void anUploadIsPreviewedWithItsChangesThenAppliedOnce() throws Exception {
		String slug = this.imports.copyOf(BundledDocuments.SYLLABUS, this.admin);
		String changed = ImportFixture.syllabus()
			.replace("2. Use Django admin for content.", "2. Use the Django admin for all content.");
		String preview = upload(slug, "../../<img src=x onerror=alert(1)>.md",
				changed.getBytes(StandardCharsets.UTF_8));

		Document page = page(get(preview), 200);
		assertThat(page.select("h1").text()).isNotEmpty();
		// the file name is shown as text, without the path it claims
		assertThat(page.select("main").text()).contains(slug)
			.contains("<img src=x onerror=alert(1)>.md")
			.doesNotContain("../");
		assertThat(page.select("main img")).isEmpty();
		assertThat(page.select("tr.import-changed")).hasSize(1);
		assertThat(page.select("tr.import-changed").text()).contains("Use the Django admin for all content.")
			.contains("Use Django admin for content.");
		assertThat(page.select("form[action=" + preview + "/apply] button")).hasSize(1);
		assertThat(page.select("form[action=" + preview + "/cancel] button")).hasSize(1);

		this.mvc.perform(post(preview + "/apply").with(fullLogin(this.admin)).with(csrf()))
			.andExpect(redirectedUrl("/admin/curricula/import"))
			.andExpect(flash().attribute("message", "admin.import.applied.changed"));
		assertThat(this.catalog.tree(slug).orElseThrow().week(2).orElseThrow().tasks().get(1).text())
			.isEqualTo("Use the Django admin for all content.");
		// the preview is used up
		this.mvc.perform(post(preview + "/apply").with(fullLogin(this.admin)).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void aNewSlugPreviewsTheNewCurriculumAndCreatesIt() throws Exception {
		String slug = ImportFixture.newSlug();
		String preview = upload(slug, "roadmap.md", BundledDocuments.source(BundledDocuments.ROADMAP));
		Document page = page(get(preview), 200);
		assertThat(page.select("#changes-heading")).isEmpty();
		assertThat(page.select("#counts-heading + .table-responsive td").eachText()).contains("19", "78", "53");
		this.mvc.perform(post(preview + "/apply").with(fullLogin(this.admin)).with(csrf()))
			.andExpect(flash().attribute("message", "admin.import.applied.created"));
		assertThat(this.catalog.idOf(slug)).isPresent();
	}

	@Test
	void cancellingDropsThePreviewAndChangesNothing() throws Exception {
		String slug = ImportFixture.newSlug();
		String preview = upload(slug, "roadmap.md", BundledDocuments.source(BundledDocuments.ROADMAP));
		this.mvc.perform(post(preview + "/cancel").with(fullLogin(this.admin)).with(csrf()))
			.andExpect(redirectedUrl("/admin/curricula/import"))
			.andExpect(flash().attribute("message", "admin.import.cancelled"));
		this.mvc.perform(get(preview).with(fullLogin(this.admin))).andExpect(status().isNotFound());
		assertThat(this.catalog.idOf(slug)).isEmpty();
	}

	@Test
	void aFileThatCannotBeReadIsShownWithItsLineAndNothingIsStored() throws Exception {
		long previews = previews();
		String slug = ImportFixture.newSlug();
		Document page = Jsoup.parse(this.mvc
			.perform(multipart("/admin/curricula/import")
				.file(new MockMultipartFile("file", "latin1.md", "text/markdown",
						"# Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)))
				.param("slug", slug)
				.with(fullLogin(this.admin))
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select(".alert-danger").text()).contains("Line 1: the file is not valid UTF-8");
		assertThat(page.select("input[name=slug]").attr("value")).as("the slug is kept").isEqualTo(slug);

		this.mvc
			.perform(multipart("/admin/curricula/import").param("slug", slug).with(fullLogin(this.admin)).with(csrf()))
			.andExpect(status().isUnprocessableContent());
		assertThat(previews()).isEqualTo(previews);
		assertThat(this.catalog.idOf(slug)).isEmpty();
	}

	@Test
	void applyingAPreviewOfAChangedCurriculumShowsTheConflictAndAppliesNothing() throws Exception {
		String slug = this.imports.copyOf(BundledDocuments.SYLLABUS, this.admin);
		String first = upload(slug, "a.md",
				ImportFixture.syllabus()
					.replace("Optimize queries.", "Optimize every query.")
					.getBytes(StandardCharsets.UTF_8));
		String second = upload(slug, "b.md",
				ImportFixture.syllabus()
					.replace("Test with Postman.", "Test with curl.")
					.getBytes(StandardCharsets.UTF_8));
		assertThat(page(get(second), 200).select(".alert-warning")).isEmpty();
		this.mvc.perform(post(first + "/apply").with(fullLogin(this.admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(page(get(second), 200).select(".alert-warning").text()).isNotEmpty();

		Document conflict = page(post(second + "/apply").with(csrf()), 409);
		assertThat(conflict.select(".alert-warning")).hasSize(1);
		assertThat(this.catalog.tree(slug).orElseThrow().week(8).orElseThrow().tasks().get(1).text())
			.isEqualTo("Test with Postman.");
	}

	@Test
	void thePagesRefuseLearnersMentorsAndAnonymousVisitorsAndWritesNeedTheCsrfToken() throws Exception {
		String preview = upload(ImportFixture.newSlug(), "roadmap.md",
				BundledDocuments.source(BundledDocuments.ROADMAP));
		AccountUser learner = this.fixtures.learner();
		AccountUser mentor = this.fixtures.mentor();
		for (String path : List.of("/admin/curricula/import", preview)) {
			this.mvc.perform(get(path).accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
			this.mvc.perform(get(path).with(user(learner))).andExpect(status().isForbidden());
			this.mvc.perform(get(path).with(user(mentor))).andExpect(status().isForbidden());
		}
		List<Supplier<AbstractMockHttpServletRequestBuilder<?>>> writes = List.of(
				() -> multipart("/admin/curricula/import")
					.file(new MockMultipartFile("file", "r.md", "text/markdown",
							BundledDocuments.source(BundledDocuments.ROADMAP)))
					.param("slug", ImportFixture.newSlug()),
				() -> post(preview + "/apply"), () -> post(preview + "/cancel"));
		for (Supplier<AbstractMockHttpServletRequestBuilder<?>> write : writes) {
			this.mvc.perform(write.get().with(csrf()).accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
			this.mvc.perform(write.get().with(csrf()).with(user(learner))).andExpect(status().isForbidden());
			this.mvc.perform(write.get().with(csrf()).with(user(mentor))).andExpect(status().isForbidden());
			this.mvc.perform(write.get().with(fullLogin(this.admin))).andExpect(status().isForbidden());
		}
		// the preview is still there, unused
		page(get(preview), 200);
	}

	/** Uploads through the form and answers the preview page's path. */
	private String upload(String slug, String fileName, byte[] document) throws Exception {
		MvcResult result = this.mvc
			.perform(multipart("/admin/curricula/import")
				.file(new MockMultipartFile("file", fileName, "text/markdown", document))
				.param("slug", slug)
				.with(fullLogin(this.admin))
				.with(csrf()))
			.andExpect(redirectedUrlPattern("/admin/curricula/import/*"))
			.andReturn();
		return result.getResponse().getRedirectedUrl();
	}

	private Document page(AbstractMockHttpServletRequestBuilder<?> request, int status) throws Exception {
		return Jsoup.parse(this.mvc.perform(request.with(fullLogin(this.admin)).accept(MediaType.TEXT_HTML))
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private long previews() {
		return this.jdbc.queryForObject("select count(*) from curriculum_import where created_by = ?", Long.class,
				this.admin.id());
	}

}
