package io.stepwise.authoring;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.stepwise.account.AccountUser;
import io.stepwise.authoring.CurriculumImports.ApplyImport;
import io.stepwise.authoring.CurriculumImports.NewImport;
import io.stepwise.support.BundledDocuments;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.stepwise.support.FullLogin.fullLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Curricula of the tests' own, made from a bundled document under a new slug, so that
 * imports that change a curriculum never change the bundled ones other tests read.
 */
@TestComponent
class ImportFixture {

	private final CurriculumImports imports;

	private final MockMvc mvc;

	ImportFixture(CurriculumImports imports, MockMvc mvc) {
		this.imports = imports;
		this.mvc = mvc;
	}

	static String newSlug() {
		return "import-test-" + UUID.randomUUID().toString().substring(0, 13);
	}

	/** A new curriculum with the content of a bundled document, made by an import. */
	String copyOf(String bundledSlug, AccountUser admin) {
		String slug = newSlug();
		long id = this.imports.preview(new NewImport(slug, BundledDocuments.source(bundledSlug), null, admin.id()))
			.id();
		this.imports.apply(new ApplyImport(id, admin.id(), admin.getUsername()));
		return slug;
	}

	static String syllabus() {
		return new String(BundledDocuments.source(BundledDocuments.SYLLABUS), StandardCharsets.UTF_8);
	}

	static String roadmap() {
		return new String(BundledDocuments.source(BundledDocuments.ROADMAP), StandardCharsets.UTF_8);
	}

	ResultActions send(AccountUser admin, String slug, byte[] document) throws Exception {
		return this.mvc.perform(post("/api/v1/admin/imports").param("slug", slug)
			.contentType(MediaType.parseMediaType("text/markdown"))
			.content(document)
			.with(fullLogin(admin))
			.with(csrf()));
	}

	/** Previews a document through the API and answers the preview's JSON. */
	String preview(AccountUser admin, String slug, String document) throws Exception {
		return send(admin, slug, document.getBytes(StandardCharsets.UTF_8)).andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	ResultActions apply(AccountUser admin, String previewJson) throws Exception {
		long id = ((Number) JsonPath.read(previewJson, "$.id")).longValue();
		return this.mvc.perform(post("/api/v1/admin/imports/{id}/apply", id).with(fullLogin(admin)).with(csrf()));
	}

}
