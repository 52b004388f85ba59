package io.stepwise.authoring;

import java.nio.charset.StandardCharsets;

import io.stepwise.curriculum.CurriculumRevisions;
import io.stepwise.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A curriculum as a Markdown document of its own shape, for admins to download. */
@RestController
@RequestMapping("/api/v1/curricula")
@Tag(name = "Import and export", description = "Curricula as Markdown documents; for admins")
class CurriculumExportController {

	static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);

	private final CurriculumRevisions revisions;

	private final MarkdownCurriculumWriter writer;

	CurriculumExportController(CurriculumRevisions revisions, MarkdownCurriculumWriter writer) {
		this.revisions = revisions;
		this.writer = writer;
	}

	@GetMapping(path = "/{slug}/export", produces = "text/markdown")
	@Operation(summary = "The curriculum as Markdown in its shape (syllabus or roadmap)",
			description = "Importing the document again changes nothing and keeps every id.")
	ResponseEntity<String> export(@PathVariable String slug) {
		String markdown = this.revisions.storedDraft(slug)
			.map(this.writer::write)
			.orElseThrow(() -> new NotFoundException("No curriculum '" + slug + "'"));
		// the slug is a stored one, lowercase words and hyphens: safe as a file name
		return ResponseEntity.ok()
			.contentType(MARKDOWN)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(slug + ".md").build().toString())
			.body(markdown);
	}

}
