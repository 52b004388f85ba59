package io.stepwise.cohort;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.stepwise.account.AccountUser;
import io.stepwise.progress.EvidenceReviews;
import io.stepwise.progress.ReviewEvidence;
import io.stepwise.system.ConflictException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The mentor's pages. Which cohorts and learners they may see is decided by
 * {@link CohortReports} from the database on every request, never from the URL or the
 * session alone.
 */
@Controller
class MentorController {

	private static final String LEARNER = "mentor/learner";

	private final CohortReports reports;

	private final EvidenceReviews reviews;

	MentorController(CohortReports reports, EvidenceReviews reviews) {
		this.reports = reports;
		this.reviews = reviews;
	}

	@GetMapping("/mentor")
	String cohorts(@AuthenticationPrincipal AccountUser mentor, Model model) {
		model.addAttribute("cohorts", this.reports.cohorts(mentor.id(), mentor.zone()));
		model.addAttribute("inactiveDays", CohortReports.INACTIVE_DAYS);
		return "mentor/cohorts";
	}

	@GetMapping("/mentor/cohorts/{id}")
	String cohort(@AuthenticationPrincipal AccountUser mentor, @PathVariable long id,
			@RequestParam(required = false) String behind, @RequestParam(required = false) String inactive,
			@RequestParam(required = false) String week, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String page, Model model) {
		CohortQuery query = CohortQuery.parse(behind, inactive, week, sort, page);
		model.addAttribute("cohort", this.reports.cohort(mentor.id(), id, query, mentor.zone()));
		model.addAttribute("sorts", CohortQuery.Sort.values());
		return "mentor/cohort";
	}

	@GetMapping("/mentor/cohorts/{id}/export.csv")
	void export(@AuthenticationPrincipal AccountUser mentor, @PathVariable long id,
			@RequestParam(required = false) String behind, @RequestParam(required = false) String inactive,
			@RequestParam(required = false) String week, @RequestParam(required = false) String sort,
			HttpServletResponse response) throws IOException {
		CohortQuery query = CohortQuery.parse(behind, inactive, week, sort, null);
		try (CohortCsv csv = new CohortCsv(response, "cohort-" + id + ".csv", mentor.zone())) {
			this.reports.stream(mentor.id(), id, query, mentor.zone(), csv::header, csv::row);
		}
	}

	@GetMapping("/mentor/cohorts/{id}/learners/{username}")
	String learner(@AuthenticationPrincipal AccountUser mentor, @PathVariable long id, @PathVariable String username,
			Model model) {
		model.addAttribute("detail", this.reports.learner(mentor.id(), id, username, mentor.zone()));
		return LEARNER;
	}

	@PostMapping("/mentor/cohorts/{id}/learners/{username}/evidence/{evidenceId}")
	String review(@AuthenticationPrincipal AccountUser mentor, @PathVariable long id, @PathVariable String username,
			@PathVariable long evidenceId, @Valid ReviewForm reviewForm, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (!reviewForm.accepted() && !reviewForm.asksForChanges()) {
			result.reject("review.decision.required");
		}
		if (reviewForm.asksForChanges() && reviewForm.normalizedFeedback() == null) {
			result.rejectValue("feedback", "review.feedback.required");
		}
		CohortReports.ReviewTarget target = this.reports.reviewTarget(mentor.id(), id, username);
		if (!result.hasErrors()) {
			try {
				this.reviews.review(new ReviewEvidence(evidenceId, target.learner().id(), target.curriculumId(),
						target.reviewer().id(), reviewForm.accepted(), reviewForm.normalizedFeedback(),
						reviewForm.version()));
				redirect.addFlashAttribute("message",
						reviewForm.accepted() ? "review.saved.accepted" : "review.saved.changes");
				redirect.addAttribute("id", id);
				redirect.addAttribute("username", target.learner().username());
				return "redirect:/mentor/cohorts/{id}/learners/{username}#evidence";
			}
			catch (ConflictException ex) {
				result.reject("review.conflict");
				response.setStatus(HttpServletResponse.SC_CONFLICT);
			}
		}
		model.addAttribute("detail", this.reports.learner(mentor.id(), id, username, mentor.zone()));
		model.addAttribute("failedEvidenceId", evidenceId);
		return LEARNER;
	}

	@GetMapping("/mentor/reviews")
	String reviews(@AuthenticationPrincipal AccountUser mentor, Model model) {
		model.addAttribute("queue", this.reports.reviews(mentor.id()));
		return "mentor/reviews";
	}

}
