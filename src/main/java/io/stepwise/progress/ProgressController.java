package io.stepwise.progress;

import java.time.LocalDate;

import io.stepwise.account.AccountUser;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The learner's writes from pages. Each answers with a redirect back to where the learner
 * was, so a reload never repeats a write; htmx follows the redirect and swaps the part of
 * the page that changed.
 */
@Controller
class ProgressController {

	private static final String START_DATE_RANGE = "startDate.range";

	private final ProgressService progress;

	ProgressController(ProgressService progress) {
		this.progress = progress;
	}

	@GetMapping("/dashboard")
	String dashboard(@AuthenticationPrincipal AccountUser learner, Model model) {
		model.addAttribute("dashboard", this.progress.dashboard(learner.id(), learner.zone()));
		return "progress/dashboard";
	}

	@PostMapping("/curricula/{slug}/enrollment")
	String enroll(@AuthenticationPrincipal AccountUser learner, @PathVariable String slug,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
			RedirectAttributes redirect) {
		try {
			LocalDate start = this.progress.startDate(startDate, learner.zone());
			boolean created = this.progress.enroll(learner.id(), slug, start).created();
			redirect.addFlashAttribute("message", created ? "enrollment.created" : "enrollment.exists");
		}
		catch (StartDateRefusedException refused) {
			redirect.addFlashAttribute("error", START_DATE_RANGE);
		}
		return "redirect:/curricula/{slug}";
	}

	@GetMapping("/curricula/{slug}/enrollment/reset")
	String confirmReset(@AuthenticationPrincipal AccountUser learner, @PathVariable String slug, Model model) {
		model.addAttribute("progress", this.progress.enrolledProgress(learner.id(), slug, learner.zone()));
		model.addAttribute("today", this.progress.today(learner.zone()));
		return "progress/reset";
	}

	@PostMapping("/curricula/{slug}/enrollment/reset")
	String reset(@AuthenticationPrincipal AccountUser learner, @PathVariable String slug,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
			RedirectAttributes redirect) {
		try {
			LocalDate start = this.progress.startDate(startDate, learner.zone());
			this.progress.reset(learner.id(), slug, start);
		}
		catch (StartDateRefusedException refused) {
			redirect.addFlashAttribute("error", START_DATE_RANGE);
			return "redirect:/curricula/{slug}/enrollment/reset";
		}
		redirect.addFlashAttribute("message", "enrollment.reset");
		return "redirect:/curricula/{slug}";
	}

	@PostMapping("/curricula/{slug}/items/{itemId}")
	String setDone(@AuthenticationPrincipal AccountUser learner, @PathVariable String slug, @PathVariable long itemId,
			@RequestParam boolean done, RedirectAttributes redirect) {
		try {
			ProgressService.ItemChange change = this.progress.setDone(learner.id(), slug, itemId, done);
			redirect.addAttribute("number", change.outcome().week().number());
			switch (change.outcome().weekChange()) {
				case FINISHED -> redirect.addFlashAttribute("message", "progress.weekFinished");
				case REOPENED -> redirect.addFlashAttribute("message", "progress.weekReopened");
				case NONE -> {
				}
			}
		}
		catch (WeekLockedException locked) {
			redirect.addAttribute("number", locked.week());
			redirect.addFlashAttribute("error", "progress.locked");
			redirect.addFlashAttribute("errorArgs", new Object[] { locked.week(), locked.unfinishedWeek() });
		}
		catch (NotEnrolledException notEnrolled) {
			redirect.addFlashAttribute("error", "progress.notEnrolled");
			return "redirect:/curricula/{slug}";
		}
		return "redirect:/curricula/{slug}/weeks/{number}#item-" + itemId;
	}

}
