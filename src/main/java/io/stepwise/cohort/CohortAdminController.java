package io.stepwise.cohort;

import io.stepwise.account.AccountUser;
import io.stepwise.account.Member;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The admin pages: the admin home and cohorts. Every write is a form post answered with a
 * redirect and a flash message; refused input comes back on the same page with the fields
 * marked.
 */
@Controller
@RequestMapping("/admin")
class CohortAdminController {

	private static final String HOME = "admin/home";

	private static final String COHORTS = "admin/cohorts";

	private static final String COHORT = "admin/cohort";

	private static final String REMOVE_LEARNER = "admin/remove-learner";

	private static final String TO_COHORT = "redirect:/admin/cohorts/{id}";

	private final CohortAdministration administration;

	private final CohortService cohorts;

	CohortAdminController(CohortAdministration administration, CohortService cohorts) {
		this.administration = administration;
		this.cohorts = cohorts;
	}

	@GetMapping
	String home(Model model) {
		model.addAttribute("home", this.administration.home());
		return HOME;
	}

	@GetMapping("/cohorts")
	String cohorts(@AuthenticationPrincipal AccountUser admin, Model model) {
		CohortAdministration.CohortList list = this.administration.list(admin.zone());
		model.addAttribute("list", list);
		model.addAttribute("cohortForm", CohortForm.startingOn(list.today()));
		return COHORTS;
	}

	@PostMapping("/cohorts")
	String create(@AuthenticationPrincipal AccountUser admin, @Valid CohortForm cohortForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Cohort cohort = this.cohorts.create(cohortForm.toCommand());
				redirect.addAttribute("id", cohort.getId());
				flash(redirect, "admin.cohort.created", cohort.getName());
				return TO_COHORT;
			}
			catch (UnknownCurriculumException unknown) {
				result.rejectValue("curriculum", "admin.cohort.curriculum.unknown");
			}
		}
		model.addAttribute("list", this.administration.list(admin.zone()));
		return COHORTS;
	}

	@GetMapping("/cohorts/{id}")
	String cohort(@PathVariable long id, Model model) {
		CohortAdministration.CohortDetail cohort = this.administration.cohort(id);
		model.addAttribute("editForm", CohortEditForm.of(cohort));
		return cohortPage(cohort, model);
	}

	@PostMapping("/cohorts/{id}")
	String edit(@PathVariable long id, @Valid @ModelAttribute("editForm") CohortEditForm editForm, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.cohorts.edit(editForm.toCommand(id));
				flash(redirect, "admin.cohort.saved");
				return TO_COHORT;
			}
			catch (CohortChangedException changed) {
				// Keep what the admin typed, show what is stored now, and let the next
				// save knowingly go over it.
				CohortAdministration.CohortDetail current = this.administration.cohort(id);
				model.addAttribute("editForm", editForm.over(current));
				model.addAttribute("conflict", true);
				response.setStatus(HttpStatus.CONFLICT.value());
				return cohortPage(current, model);
			}
		}
		return cohortPage(this.administration.cohort(id), model);
	}

	@PostMapping("/cohorts/{id}/mentors")
	String addMentor(@PathVariable long id, @Valid @ModelAttribute("mentorForm") MemberForm mentorForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Member mentor = this.cohorts.addMentor(id, mentorForm.user());
				flash(redirect, "admin.cohort.mentor.added", mentor.displayName());
				return TO_COHORT;
			}
			catch (UnknownUserException unknown) {
				result.rejectValue("user", "admin.cohort.user.unknown", new Object[] { unknown.usernameOrEmail() },
						null);
			}
		}
		return cohortPage(this.administration.cohort(id), model);
	}

	@PostMapping("/cohorts/{id}/mentors/{username}/remove")
	String removeMentor(@PathVariable long id, @PathVariable String username, RedirectAttributes redirect) {
		Member mentor = this.cohorts.removeMentor(id, username);
		flash(redirect, "admin.cohort.mentor.removed", mentor.displayName());
		return TO_COHORT;
	}

	@PostMapping("/cohorts/{id}/learners")
	String addLearner(@PathVariable long id, @Valid @ModelAttribute("learnerForm") MemberForm learnerForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Member learner = this.cohorts.addLearner(id, learnerForm.user());
				flash(redirect, "admin.cohort.learner.added", learner.displayName());
				return TO_COHORT;
			}
			catch (UnknownUserException unknown) {
				result.rejectValue("user", "admin.cohort.user.unknown", new Object[] { unknown.usernameOrEmail() },
						null);
			}
		}
		return cohortPage(this.administration.cohort(id), model);
	}

	@GetMapping("/cohorts/{id}/learners/{username}/remove")
	String confirmRemoveLearner(@PathVariable long id, @PathVariable String username, Model model) {
		model.addAttribute("removal", this.administration.learner(id, username));
		return REMOVE_LEARNER;
	}

	@PostMapping("/cohorts/{id}/learners/{username}/remove")
	String removeLearner(@PathVariable long id, @PathVariable String username, RedirectAttributes redirect) {
		Member learner = this.cohorts.removeLearner(id, username);
		flash(redirect, "admin.cohort.learner.removed", learner.displayName());
		return TO_COHORT;
	}

	@PostMapping("/cohorts/{id}/invite-code")
	String regenerateInviteCode(@PathVariable long id, RedirectAttributes redirect) {
		this.cohorts.regenerateInviteCode(id);
		flash(redirect, "admin.cohort.invite.regenerated");
		return TO_COHORT;
	}

	private String cohortPage(CohortAdministration.CohortDetail cohort, Model model) {
		model.addAttribute("cohort", cohort);
		// In full, with the host, so it can be pasted into a chat as it is.
		model.addAttribute("inviteUrl",
				ServletUriComponentsBuilder.fromCurrentContextPath()
					.path("/join/{code}")
					.buildAndExpand(cohort.inviteCode())
					.toUriString());
		if (!model.containsAttribute("editForm")) {
			model.addAttribute("editForm", CohortEditForm.of(cohort));
		}
		if (!model.containsAttribute("mentorForm")) {
			model.addAttribute("mentorForm", MemberForm.empty());
		}
		if (!model.containsAttribute("learnerForm")) {
			model.addAttribute("learnerForm", MemberForm.empty());
		}
		return COHORT;
	}

	private static void flash(RedirectAttributes redirect, String message, Object... args) {
		redirect.addFlashAttribute("message", message);
		redirect.addFlashAttribute("messageArgs", args);
	}

}
