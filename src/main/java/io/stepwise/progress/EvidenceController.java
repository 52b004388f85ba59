package io.stepwise.progress;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.stepwise.account.AccountUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A learner's evidence for one project task: the link and note, and the review. */
@Controller
class EvidenceController {

	private static final String PAGE = "progress/evidence";

	private final EvidenceService evidence;

	EvidenceController(EvidenceService evidence) {
		this.evidence = evidence;
	}

	@GetMapping("/curricula/{slug}/items/{itemId}/evidence")
	String page(@AuthenticationPrincipal AccountUser learner, @PathVariable String slug, @PathVariable long itemId,
			Model model) {
		EvidenceService.EvidencePage page = this.evidence.page(learner.id(), slug, itemId);
		model.addAttribute("page", page);
		model.addAttribute("evidenceForm",
				(page.evidence() != null) ? EvidenceForm.of(page.evidence()) : EvidenceForm.empty());
		return PAGE;
	}

	@PostMapping("/curricula/{slug}/items/{itemId}/evidence")
	String submit(@AuthenticationPrincipal AccountUser learner, @PathVariable String slug, @PathVariable long itemId,
			@Valid EvidenceForm evidenceForm, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				EvidenceService.Submitted submitted = this.evidence
					.submit(evidenceForm.toCommand(learner.id(), slug, itemId));
				redirect.addFlashAttribute("message", "evidence.saved");
				redirect.addAttribute("number", submitted.week());
				return "redirect:/curricula/{slug}/weeks/{number}#item-" + itemId;
			}
			catch (WeekLockedException locked) {
				result.reject("evidence.locked", new Object[] { locked.week(), locked.unfinishedWeek() }, null);
				response.setStatus(HttpServletResponse.SC_CONFLICT);
			}
			catch (EvidenceChangedException changed) {
				result.reject("evidence.changed");
				response.setStatus(HttpServletResponse.SC_CONFLICT);
			}
			catch (EvidenceClosedException closed) {
				result.reject("evidence.closed");
				response.setStatus(HttpServletResponse.SC_CONFLICT);
			}
		}
		model.addAttribute("page", this.evidence.page(learner.id(), slug, itemId));
		return PAGE;
	}

}
