package io.stepwise.cohort;

import io.stepwise.account.AccountUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Invite links. Opening one only shows the cohort; joining is the button's post, so a
 * link preview or a prefetch never enrolls anyone. An unknown or malformed code is the
 * 404 page.
 */
@Controller
class JoinController {

	private final CohortService cohorts;

	JoinController(CohortService cohorts) {
		this.cohorts = cohorts;
	}

	@GetMapping("/join/{code}")
	String invitation(@AuthenticationPrincipal AccountUser learner, @PathVariable String code, Model model) {
		model.addAttribute("invitation", this.cohorts.invitation(code, learner.id()));
		return "cohort/join";
	}

	@PostMapping("/join/{code}")
	String join(@AuthenticationPrincipal AccountUser learner, @PathVariable String code, RedirectAttributes redirect) {
		Joined joined = this.cohorts.accept(code, learner.id());
		redirect.addAttribute("slug", joined.curriculumSlug());
		redirect.addFlashAttribute("message", joined.alreadyMember() ? "join.already" : "join.joined");
		return "redirect:/curricula/{slug}";
	}

}
