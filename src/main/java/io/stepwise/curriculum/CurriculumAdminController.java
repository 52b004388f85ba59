package io.stepwise.curriculum;

import io.stepwise.account.AccountUser;
import io.stepwise.curriculum.CurriculumAdministration.PhaseDetail;
import io.stepwise.curriculum.CurriculumAdministration.Phases;
import io.stepwise.curriculum.CurriculumAdministration.RemovalDetail;
import io.stepwise.curriculum.CurriculumAdministration.WeekDetail;
import io.stepwise.curriculum.CurriculumEdits.Direction;
import io.stepwise.curriculum.CurriculumEdits.Edited;
import io.stepwise.curriculum.CurriculumEdits.Move;
import io.stepwise.curriculum.CurriculumEdits.Part;
import io.stepwise.curriculum.CurriculumEdits.Removal;
import io.stepwise.curriculum.CurriculumEdits.Removed;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins' curriculum pages: the list, a curriculum's outline with its move buttons,
 * the curriculum's details, its phases and weeks, and removing any part. Every write is a
 * form post answered with a redirect to the outline and a flash message; refused input
 * comes back on its page with the fields marked, and a form loaded at an older version of
 * the curriculum comes back as a 409 with the input kept.
 */
@Controller
@RequestMapping("/admin/curricula")
class CurriculumAdminController {

	private final CurriculumAdministration administration;

	private final CurriculumEditor editor;

	CurriculumAdminController(CurriculumAdministration administration, CurriculumEditor editor) {
		this.administration = administration;
		this.editor = editor;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("curricula", this.administration.list());
		return EditorPages.LIST;
	}

	@GetMapping("/{slug}")
	String outline(@PathVariable String slug, Model model) {
		model.addAttribute("outline", this.administration.outline(slug));
		return EditorPages.OUTLINE;
	}

	@GetMapping("/{slug}/edit")
	String details(@PathVariable String slug, Model model) {
		CurriculumAdministration.CurriculumDetail curriculum = this.administration.details(slug);
		model.addAttribute("curriculum", curriculum);
		model.addAttribute("curriculumForm", CurriculumForm.of(curriculum));
		return EditorPages.DETAILS;
	}

	@PostMapping("/{slug}/edit")
	String editDetails(@PathVariable String slug, @AuthenticationPrincipal AccountUser admin,
			@Valid CurriculumForm curriculumForm, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Edited edited = this.editor
					.editDetails(curriculumForm.toCommand(EditorPages.basis(slug, curriculumForm.version(), admin)));
				return EditorPages.toOutline(edited, redirect, "admin.curriculum.details.saved");
			}
			catch (CurriculumChangedException changed) {
				CurriculumAdministration.CurriculumDetail current = this.administration.details(slug);
				model.addAttribute("curriculumForm", curriculumForm.over(current.place().version()));
				EditorPages.conflict(model, response, curriculumForm.version(), current.place());
			}
		}
		model.addAttribute("curriculum", this.administration.details(slug));
		return EditorPages.DETAILS;
	}

	@GetMapping("/{slug}/phases/new")
	String newPhase(@PathVariable String slug, Model model) {
		Phases phases = this.administration.phases(slug);
		model.addAttribute("phaseForm", PhaseForm.empty(phases.place().version()));
		return phasePage(phases, null, model);
	}

	@PostMapping("/{slug}/phases/new")
	String addPhase(@PathVariable String slug, @AuthenticationPrincipal AccountUser admin, @Valid PhaseForm phaseForm,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Phases phases = null;
		if (!result.hasErrors()) {
			try {
				Edited edited = this.editor
					.addPhase(phaseForm.toAdd(EditorPages.basis(slug, phaseForm.version(), admin)));
				return EditorPages.toOutline(edited, redirect, "admin.curriculum.phase.added");
			}
			catch (CurriculumChangedException changed) {
				phases = this.administration.phases(slug);
				model.addAttribute("phaseForm", phaseForm.over(phases.place().version()));
				EditorPages.conflict(model, response, phaseForm.version(), phases.place());
			}
		}
		return phasePage((phases != null) ? phases : this.administration.phases(slug), null, model);
	}

	@GetMapping("/{slug}/phases/{id}/edit")
	String phase(@PathVariable String slug, @PathVariable long id, Model model) {
		PhaseDetail phase = this.administration.phase(slug, id);
		model.addAttribute("phaseForm", PhaseForm.of(phase));
		return phasePage(this.administration.phases(slug), phase, model);
	}

	@PostMapping("/{slug}/phases/{id}/edit")
	String editPhase(@PathVariable String slug, @PathVariable long id, @AuthenticationPrincipal AccountUser admin,
			@Valid PhaseForm phaseForm, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Edited edited = this.editor
					.editPhase(phaseForm.toEdit(EditorPages.basis(slug, phaseForm.version(), admin), id));
				return EditorPages.toOutline(edited, redirect, "admin.curriculum.phase.saved");
			}
			catch (CurriculumChangedException changed) {
				PhaseDetail current = this.administration.phase(slug, id);
				model.addAttribute("phaseForm", phaseForm.over(current.place().version()));
				EditorPages.conflict(model, response, phaseForm.version(), current.place());
				return phasePage(this.administration.phases(slug), current, model);
			}
		}
		return phasePage(this.administration.phases(slug), this.administration.phase(slug, id), model);
	}

	@GetMapping("/{slug}/weeks/new")
	String newWeek(@PathVariable String slug, @RequestParam(required = false) Long phase, Model model) {
		Phases phases = this.administration.phases(slug);
		model.addAttribute("weekForm", WeekForm.inPhase(phase, phases.place().version()));
		return weekPage(phases, null, model);
	}

	@PostMapping("/{slug}/weeks/new")
	String addWeek(@PathVariable String slug, @AuthenticationPrincipal AccountUser admin, @Valid WeekForm weekForm,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Phases phases = null;
		if (!result.hasErrors()) {
			try {
				Edited edited = this.editor.addWeek(weekForm.toAdd(EditorPages.basis(slug, weekForm.version(), admin)));
				return EditorPages.toOutline(edited, redirect, "admin.curriculum.week.added");
			}
			catch (CurriculumChangedException changed) {
				phases = this.administration.phases(slug);
				model.addAttribute("weekForm", weekForm.over(phases.place().version()));
				EditorPages.conflict(model, response, weekForm.version(), phases.place());
			}
		}
		return weekPage((phases != null) ? phases : this.administration.phases(slug), null, model);
	}

	@GetMapping("/{slug}/weeks/{id}/edit")
	String week(@PathVariable String slug, @PathVariable long id, Model model) {
		WeekDetail week = this.administration.week(slug, id);
		model.addAttribute("weekForm", WeekForm.of(week));
		return weekPage(new Phases(week.place(), week.phases()), week, model);
	}

	@PostMapping("/{slug}/weeks/{id}/edit")
	String editWeek(@PathVariable String slug, @PathVariable long id, @AuthenticationPrincipal AccountUser admin,
			@Valid WeekForm weekForm, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Edited edited = this.editor
					.editWeek(weekForm.toEdit(EditorPages.basis(slug, weekForm.version(), admin), id));
				return EditorPages.toOutline(edited, redirect, "admin.curriculum.week.saved");
			}
			catch (CurriculumChangedException changed) {
				WeekDetail current = this.administration.week(slug, id);
				model.addAttribute("weekForm", weekForm.over(current.place().version()));
				EditorPages.conflict(model, response, weekForm.version(), current.place());
				return weekPage(new Phases(current.place(), current.phases()), current, model);
			}
		}
		WeekDetail week = this.administration.week(slug, id);
		return weekPage(new Phases(week.place(), week.phases()), week, model);
	}

	/**
	 * Moves a part one place up or down. Plain forms with a button each, so moving works
	 * from the keyboard and without JavaScript.
	 */
	@PostMapping("/{slug}/{parts:" + EditorPages.PARTS + "}/{id}/move")
	String move(@PathVariable String slug, @PathVariable String parts, @PathVariable long id,
			@RequestParam Direction direction, @RequestParam(required = false) Long version,
			@AuthenticationPrincipal AccountUser admin, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Part part = EditorPages.part(parts);
		try {
			Edited edited = this.editor.move(new Move(EditorPages.basis(slug, version, admin), part, id, direction));
			return EditorPages.toOutline(edited, redirect, "admin.curriculum.moved");
		}
		catch (CurriculumChangedException changed) {
			CurriculumAdministration.Outline outline = this.administration.outline(slug);
			model.addAttribute("outline", outline);
			EditorPages.conflict(model, response, version, outline.place());
			return EditorPages.OUTLINE;
		}
	}

	@GetMapping("/{slug}/{parts:" + EditorPages.PARTS + "}/{id}/delete")
	String confirmRemoval(@PathVariable String slug, @PathVariable String parts, @PathVariable long id, Model model) {
		model.addAttribute("removal", this.administration.removal(slug, EditorPages.part(parts), id));
		return EditorPages.REMOVE;
	}

	@PostMapping("/{slug}/{parts:" + EditorPages.PARTS + "}/{id}/delete")
	String remove(@PathVariable String slug, @PathVariable String parts, @PathVariable long id,
			@RequestParam(required = false) Long version, @AuthenticationPrincipal AccountUser admin, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Part part = EditorPages.part(parts);
		try {
			Removed removed = this.editor.remove(new Removal(EditorPages.basis(slug, version, admin), part, id));
			String message = removed.archived() ? "admin.curriculum.removed.archived"
					: "admin.curriculum.removed.deleted";
			// A removed week or phase has no place left in the outline to return to.
			Edited place = new Edited((removed.weekId() != null) ? part : Part.CURRICULUM, id, removed.weekId());
			return EditorPages.toOutline(place, redirect, message, removed.learners());
		}
		catch (CurriculumChangedException changed) {
			RemovalDetail current = this.administration.removal(slug, part, id);
			model.addAttribute("removal", current);
			EditorPages.conflict(model, response, version, current.place());
		}
		catch (RemovalRefusedException refused) {
			model.addAttribute("removal", this.administration.removal(slug, part, id));
			response.setStatus(HttpStatus.CONFLICT.value());
		}
		return EditorPages.REMOVE;
	}

	private String phasePage(Phases phases, PhaseDetail phase, Model model) {
		model.addAttribute("place", phases.place());
		model.addAttribute("phases", phases.phases());
		model.addAttribute("phase", phase);
		return EditorPages.PHASE;
	}

	private String weekPage(Phases phases, WeekDetail week, Model model) {
		model.addAttribute("place", phases.place());
		model.addAttribute("phases", phases.phases());
		model.addAttribute("week", week);
		return EditorPages.WEEK;
	}

}
