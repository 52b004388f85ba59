package io.stepwise.authoring;

import java.io.IOException;

import io.stepwise.curriculum.CurriculumCatalog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload above the size limit, found when Spring reads the multipart body before any
 * controller is chosen, so that only advice for every controller sees it: the import form
 * answers with its page and the reason, any other path with the error page. (When the
 * form's CSRF token travels as a parameter, the servlet container reads the body first
 * and answers with the 413 error page itself.)
 */
@ControllerAdvice
class UploadLimitAdvice {

	private final CurriculumCatalog catalog;

	UploadLimitAdvice(CurriculumCatalog catalog) {
		this.catalog = catalog;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!request.getRequestURI().equals(request.getContextPath() + ImportPageController.PATH)) {
			response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
			return new ModelAndView();
		}
		ExtendedModelMap model = new ExtendedModelMap();
		model.addAttribute("errorKey", "admin.import.error.tooLarge");
		String view = ImportPageController.uploadPage(ImportForm.empty(), model, this.catalog);
		return new ModelAndView(view, model, HttpStatus.PAYLOAD_TOO_LARGE);
	}

}
