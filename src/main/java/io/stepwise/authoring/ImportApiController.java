package io.stepwise.authoring;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.stepwise.account.AccountUser;
import io.stepwise.authoring.CurriculumImports.AppliedImport;
import io.stepwise.authoring.CurriculumImports.ApplyImport;
import io.stepwise.authoring.CurriculumImports.ImportPreview;
import io.stepwise.authoring.CurriculumImports.NewImport;
import io.stepwise.curriculum.CurriculumChanges;
import io.stepwise.curriculum.CurriculumChanges.Change;
import io.stepwise.curriculum.CurriculumCounts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Imports through the API: the document is the raw request body. A post answers with the
 * preview; applying it is a second call, cancelling a delete.
 */
@RestController
@RequestMapping("/api/v1/admin/imports")
@Tag(name = "Import and export", description = "Curricula as Markdown documents; for admins")
class ImportApiController {

	private final CurriculumImports imports;

	private final MessageSource messages;

	ImportApiController(CurriculumImports imports, MessageSource messages) {
		this.imports = imports;
		this.messages = messages;
	}

	@PostMapping(consumes = { "text/markdown", "text/x-markdown", "text/plain", "application/octet-stream" })
	@Operation(summary = "Preview the import of a Markdown document (syllabus or roadmap shape)",
			description = "The body is the document, at most 1 MiB of UTF-8. A slug no curriculum has creates one;"
					+ " for an existing curriculum the preview lists what would be added, changed, removed and"
					+ " moved, with the learners each change touches. Nothing changes until the preview is applied."
					+ " A document that cannot be read is a 422 naming its line.")
	@RequestBody(required = true, description = "The Markdown document",
			content = @Content(mediaType = "text/markdown", schema = @Schema(type = "string")))
	ResponseEntity<PreviewResponse> preview(@RequestParam String slug, HttpServletRequest request,
			@AuthenticationPrincipal AccountUser admin) throws IOException {
		ImportPreview preview = this.imports.preview(new NewImport(slug, body(request), null, admin.id()));
		return ResponseEntity.created(URI.create("/api/v1/admin/imports/" + preview.id())).body(response(preview));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A preview of yours, against the curriculum as it is now")
	PreviewResponse preview(@PathVariable long id, @AuthenticationPrincipal AccountUser admin) {
		return response(this.imports.preview(id, admin.id()));
	}

	@PostMapping("/{id}/apply")
	@Operation(summary = "Apply a preview of yours in one transaction",
			description = "409 when the curriculum changed since the preview, or its new slug was taken meanwhile;"
					+ " a document that changes nothing changes nothing, not even the version.")
	AppliedResponse apply(@PathVariable long id, @AuthenticationPrincipal AccountUser admin) {
		AppliedImport applied = this.imports.apply(new ApplyImport(id, admin.id(), admin.getUsername()));
		return new AppliedResponse(applied.slug(), applied.created(), applied.changed(), applied.counts());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Cancel a preview of yours")
	ResponseEntity<Void> cancel(@PathVariable long id, @AuthenticationPrincipal AccountUser admin) {
		this.imports.cancel(id, admin.id());
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(CurriculumFormatException.class)
	ProblemDetail unreadable(CurriculumFormatException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		problem.setTitle("Document not imported");
		problem.setProperty("line", ex.line());
		return problem;
	}

	@ExceptionHandler(ImportRefusedException.class)
	ProblemDetail refused(ImportRefusedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		problem.setTitle("Document not imported");
		return problem;
	}

	/**
	 * The body, read no further than the size limit: a larger one is refused without
	 * being held in memory.
	 */
	private static byte[] body(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MarkdownCurriculumParser.MAX_DOCUMENT_SIZE) {
			throw MarkdownCurriculumParser.tooLarge();
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes(MarkdownCurriculumParser.MAX_DOCUMENT_SIZE + 1);
			if (body.length > MarkdownCurriculumParser.MAX_DOCUMENT_SIZE) {
				throw MarkdownCurriculumParser.tooLarge();
			}
			return body;
		}
	}

	private PreviewResponse response(ImportPreview preview) {
		CurriculumChanges changes = preview.changes();
		List<WarningResponse> warnings = preview.warnings()
			.stream()
			.map((warning) -> new WarningResponse(warning.code(),
					this.messages.getMessage("admin.import.warning." + warning.code(),
							new Object[] { warning.detail() }, Locale.ENGLISH)))
			.toList();
		DiffResponse diff = new DiffResponse(changes(changes.added()), changes(changes.changed()),
				changes(changes.removed()), changes(changes.moved()),
				changes.other()
					.stream()
					.map((other) -> new OtherResponse(other.what(), other.subject(),
							this.messages.getMessage("admin.import.other." + other.what(),
									new Object[] { other.subject() }, Locale.ENGLISH)))
					.toList());
		return new PreviewResponse(preview.id(), preview.slug(), preview.isNew(), preview.title(),
				CurriculumImports.shapeName(preview.shape()), preview.counts(), warnings, diff, preview.stale());
	}

	private static List<ChangeResponse> changes(List<Change> changes) {
		return changes.stream()
			.map((change) -> new ChangeResponse(change.kind().name().toLowerCase(Locale.ROOT), change.id(),
					change.week(), change.text(), change.previous(), change.fromWeek(), change.learnersAffected()))
			.toList();
	}

	/**
	 * @param isNew whether applying creates the curriculum
	 * @param stale whether applying would be refused: the curriculum changed since
	 */
	record PreviewResponse(long id, String slug, @JsonProperty("new") boolean isNew, String title, String shape,
			CurriculumCounts counts, List<WarningResponse> warnings, DiffResponse diff, boolean stale) {
	}

	record WarningResponse(String code, String message) {
	}

	record DiffResponse(List<ChangeResponse> added, List<ChangeResponse> changed, List<ChangeResponse> removed,
			List<ChangeResponse> moved, List<OtherResponse> other) {
	}

	/**
	 * @param kind {@code skill}, {@code task} or {@code week}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ChangeResponse(String kind, Long id, int week, String text, String previous, Integer fromWeek,
			Integer learnersAffected) {
	}

	record OtherResponse(String what, String subject, String message) {
	}

	record AppliedResponse(String slug, boolean created, boolean changed, CurriculumCounts counts) {
	}

}
