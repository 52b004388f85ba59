package io.stepwise.curriculum;

import java.util.Map;

import io.stepwise.account.AccountUser;
import io.stepwise.curriculum.CurriculumAdministration.Place;
import io.stepwise.curriculum.CurriculumEdits.Basis;
import io.stepwise.curriculum.CurriculumEdits.Edited;
import io.stepwise.curriculum.CurriculumEdits.Editor;
import io.stepwise.curriculum.CurriculumEdits.Part;
import io.stepwise.system.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the curriculum editing pages share: view names, redirects, messages, conflicts.
 */
final class EditorPages {

	static final String LIST = "admin/curricula";

	static final String OUTLINE = "admin/curriculum";

	static final String DETAILS = "admin/curriculum-details";

	static final String PHASE = "admin/curriculum-phase";

	static final String WEEK = "admin/curriculum-week";

	static final String SKILL = "admin/curriculum-skill";

	static final String TASK = "admin/curriculum-task";

	static final String RESOURCE = "admin/curriculum-resource";

	static final String REMOVE = "admin/curriculum-remove";

	/**
	 * The parts as their addresses name them: {@code /admin/curricula/{slug}/tasks/7}.
	 */
	static final String PARTS = "phases|weeks|skills|tasks|resources";

	private static final Map<String, Part> BY_PATH = Map.of("phases", Part.PHASE, "weeks", Part.WEEK, "skills",
			Part.SKILL, "tasks", Part.TASK, "resources", Part.RESOURCE);

	private EditorPages() {
	}

	static Part part(String path) {
		Part part = BY_PATH.get(path);
		if (part == null) {
			throw new NotFoundException("No such part");
		}
		return part;
	}

	static Basis basis(String slug, Long version, AccountUser admin) {
		return Basis.of(slug, version, new Editor(admin.id(), admin.getUsername()));
	}

	/**
	 * Back to the outline, at the part that changed, with its week open and a message
	 * naming what was done.
	 */
	static String toOutline(Edited edited, RedirectAttributes redirect, String message, Object... args) {
		flash(redirect, message, args);
		if (edited.weekId() != null) {
			redirect.addFlashAttribute("openWeek", edited.weekId());
			return "redirect:/admin/curricula/{slug}#week-" + edited.weekId();
		}
		if (edited.part() == Part.PHASE) {
			return "redirect:/admin/curricula/{slug}#phase-" + edited.id();
		}
		return "redirect:/admin/curricula/{slug}";
	}

	static void flash(RedirectAttributes redirect, String message, Object... args) {
		redirect.addFlashAttribute("message", message);
		redirect.addFlashAttribute("messageArgs", args);
	}

	/**
	 * Answers 409 with the page of the form: the admin's input stays in it, set to save
	 * on top of the version stored now, and the page shows what is stored now.
	 */
	static void conflict(Model model, HttpServletResponse response, Long opened, Place now) {
		model.addAttribute("conflict", new Conflict((opened != null) ? opened : -1, now));
		response.setStatus(HttpStatus.CONFLICT.value());
	}

	/**
	 * @param opened the version the admin's form was loaded at
	 * @param now the curriculum as stored now
	 */
	record Conflict(long opened, Place now) {
	}

}
