package io.stepwise.authoring;

import java.io.IOException;

import io.stepwise.account.AccountUser;
import io.stepwise.authoring.CurriculumImports.AppliedImport;
import io.stepwise.authoring.CurriculumImports.ApplyImport;
import io.stepwise.authoring.CurriculumImports.ImportPreview;
import io.stepwise.authoring.CurriculumImports.NewImport;
import io.stepwise.curriculum.CurriculumCatalog;
import io.stepwise.system.ConflictException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's import pages: an upload form (with the exports beside it), then the preview
 * of what the document holds and changes, with Apply and Cancel.
 */
@Controller
@RequestMapping(ImportPageController.PATH)
class ImportPageController {

	static final String PATH = "/admin/curricula/import";

	static final String UPLOAD = "admin/import";

	private static final String PREVIEW = "admin/import-preview";

	private static final String TO_UPLOAD = "redirect:" + PATH;

	private final CurriculumImports imports;

	private final CurriculumCatalog catalog;

	ImportPageController(CurriculumImports imports, CurriculumCatalog catalog) {
		this.imports = imports;
		this.catalog = catalog;
	}

	@GetMapping
	String form(Model model) {
		return uploadPage(ImportForm.empty(), model, this.catalog);
	}

	@PostMapping
	String upload(@ModelAttribute("importForm") ImportForm importForm, @AuthenticationPrincipal AccountUser admin,
			Model model, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		if (!importForm.hasFile()) {
			model.addAttribute("errorKey", "admin.import.error.noFile");
		}
		else {
			try {
				ImportPreview preview = this.imports.preview(new NewImport(importForm.slug(),
						importForm.file().getBytes(), importForm.file().getOriginalFilename(), admin.id()));
				redirect.addAttribute("id", preview.id());
				return TO_UPLOAD + "/{id}";
			}
			catch (CurriculumFormatException | ImportRefusedException refused) {
				model.addAttribute("errorDetail", refused.getMessage());
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return uploadPage(importForm, model, this.catalog);
	}

	@GetMapping("/{id}")
	String preview(@PathVariable long id, @AuthenticationPrincipal AccountUser admin, Model model,
			HttpServletResponse response) {
		try {
			model.addAttribute("preview", this.imports.preview(id, admin.id()));
			return PREVIEW;
		}
		catch (ImportRefusedException refused) {
			// the curriculum changed since the upload: the document would now take
			// progress away
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("errorDetail", refused.getMessage());
			return uploadPage(ImportForm.empty(), model, this.catalog);
		}
	}

	@PostMapping("/{id}/apply")
	String apply(@PathVariable long id, @AuthenticationPrincipal AccountUser admin, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			AppliedImport applied = this.imports.apply(new ApplyImport(id, admin.id(), admin.getUsername()));
			String message = applied.created() ? "admin.import.applied.created"
					: applied.changed() ? "admin.import.applied.changed" : "admin.import.applied.unchanged";
			redirect.addFlashAttribute("message", message);
			redirect.addFlashAttribute("messageArgs", new Object[] { applied.slug() });
			return TO_UPLOAD;
		}
		catch (ConflictException conflict) {
			// nothing was applied; the preview is kept, shown as it stands now
			String page = preview(id, admin, model, response);
			if (page.equals(PREVIEW)) {
				response.setStatus(HttpStatus.CONFLICT.value());
				model.addAttribute("conflict", true);
			}
			return page;
		}
		catch (ImportRefusedException refused) {
			String page = preview(id, admin, model, response);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("errorDetail", refused.getMessage());
			return page;
		}
	}

	@PostMapping("/{id}/cancel")
	String cancel(@PathVariable long id, @AuthenticationPrincipal AccountUser admin, RedirectAttributes redirect) {
		this.imports.cancel(id, admin.id());
		redirect.addFlashAttribute("message", "admin.import.cancelled");
		redirect.addFlashAttribute("messageArgs", new Object[0]);
		return TO_UPLOAD;
	}

	/** The upload page, also shown by {@link UploadLimitAdvice} for a file too large. */
	static String uploadPage(ImportForm importForm, Model model, CurriculumCatalog catalog) {
		model.addAttribute("importForm", importForm);
		model.addAttribute("curricula", catalog.summaries());
		return UPLOAD;
	}

}
