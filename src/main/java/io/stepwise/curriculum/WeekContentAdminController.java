package io.stepwise.curriculum;

import io.stepwise.account.AccountUser;
import io.stepwise.curriculum.CurriculumAdministration.ResourceDetail;
import io.stepwise.curriculum.CurriculumAdministration.SkillDetail;
import io.stepwise.curriculum.CurriculumAdministration.TaskDetail;
import io.stepwise.curriculum.CurriculumAdministration.WeekContent;
import io.stepwise.curriculum.CurriculumEdits.Edited;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins' pages for what a week holds: its skills, project tasks and resources, added
 * under the week's address and edited under their own. Moving and removing them is done
 * by {@link CurriculumAdminController}, as for every part.
 */
@Controller
@RequestMapping("/admin/curricula/{slug}")
class WeekContentAdminController {

	private final CurriculumAdministration administration;

	private final CurriculumEditor editor;

	WeekContentAdminController(CurriculumAdministration administration, CurriculumEditor editor) {
		this.administration = administration;
		this.editor = editor;
	}

	@GetMapping("/weeks/{weekId}/skills/new")
	String newSkill(@PathVariable String slug, @PathVariable long weekId, Model model) {
		WeekContent at = this.administration.weekContent(slug, weekId);
		model.addAttribute("skillForm", SkillForm.empty(at.place().version()));
		return skillPage(at, null, model);
	}

	@PostMapping("/weeks/{weekId}/skills/new")
	String addSkill(@PathVariable String slug, @PathVariable long weekId, @AuthenticationPrincipal AccountUser admin,
			@Valid SkillForm skillForm, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Edited edited = this.editor
					.addSkill(skillForm.toAdd(EditorPages.basis(slug, skillForm.version(), admin), weekId));
				return EditorPages.toOutline(edited, redirect, "admin.curriculum.skill.added");
			}
			catch (CurriculumChangedException changed) {
				WeekContent current = this.administration.weekContent(slug, weekId);
				model.addAttribute("skillForm", skillForm.over(current.place().version()));
				EditorPages.conflict(model, response, skillForm.version(), current.place());
				return skillPage(current, null, model);
			}
		}
		return skillPage(this.administration.weekContent(slug, weekId), null, model);
	}

	@GetMapping("/skills/{id}/edit")
	String skill(@PathVariable String slug, @PathVariable long id, Model model) {
		SkillDetail skill = this.administration.skill(slug, id);
		model.addAttribute("skillForm", SkillForm.of(skill));
		return skillPage(skill.at(), skill, model);
	}

	@PostMapping("/skills/{id}/edit")
	String editSkill(@PathVariable String slug, @PathVariable long id, @AuthenticationPrincipal AccountUser admin,
			@Valid SkillForm skillForm, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Edited edited = this.editor
					.editSkill(skillForm.toEdit(EditorPages.basis(slug, skillForm.version(), admin), id));
				return EditorPages.toOutline(edited, redirect, "admin.curriculum.skill.saved");
			}
			catch (CurriculumChangedException changed) {
				SkillDetail current = this.administration.skill(slug, id);
				model.addAttribute("skillForm", skillForm.over(current.at().place().version()));
				EditorPages.conflict(model, response, skillForm.version(), current.at().place());
				return skillPage(current.at(), current, model);
			}
		}
		SkillDetail skill = this.administration.skill(slug, id);
		return skillPage(skill.at(), skill, model);
	}

	@GetMapping("/weeks/{weekId}/tasks/new")
	String newTask(@PathVariable String slug, @PathVariable long weekId, Model model) {
		WeekContent at = this.administration.weekContent(slug, weekId);
		model.addAttribute("taskForm", TaskForm.empty(at.place().version()));
		return taskPage(at, null, model);
	}

	@PostMapping("/weeks/{weekId}/tasks/new")
	String addTask(@PathVariable String slug, @PathVariable long weekId, @AuthenticationPrincipal AccountUser admin,
			@Valid TaskForm taskForm, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Edited edited = this.editor
					.addTask(taskForm.toAdd(EditorPages.basis(slug, taskForm.version(), admin), weekId));
				return EditorPages.toOutline(edited, redirect, "admin.curriculum.task.added");
			}
			catch (CurriculumChangedException changed) {
				WeekContent current = this.administration.weekContent(slug, weekId);
				model.addAttribute("taskForm", taskForm.over(current.place().version()));
				EditorPages.conflict(model, response, taskForm.version(), current.place());
				return taskPage(current, null, model);
			}
		}
		return taskPage(this.administration.weekContent(slug, weekId), null, model);
	}

	@GetMapping("/tasks/{id}/edit")
	String task(@PathVariable String slug, @PathVariable long id, Model model) {
		TaskDetail task = this.administration.task(slug, id);
		model.addAttribute("taskForm", TaskForm.of(task));
		return taskPage(task.at(), task, model);
	}

	@PostMapping("/tasks/{id}/edit")
	String editTask(@PathVariable String slug, @PathVariable long id, @AuthenticationPrincipal AccountUser admin,
			@Valid TaskForm taskForm, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Edited edited = this.editor
					.editTask(taskForm.toEdit(EditorPages.basis(slug, taskForm.version(), admin), id));
				return EditorPages.toOutline(edited, redirect, "admin.curriculum.task.saved");
			}
			catch (CurriculumChangedException changed) {
				TaskDetail current = this.administration.task(slug, id);
				model.addAttribute("taskForm", taskForm.over(current.at().place().version()));
				EditorPages.conflict(model, response, taskForm.version(), current.at().place());
				return taskPage(current.at(), current, model);
			}
		}
		TaskDetail task = this.administration.task(slug, id);
		return taskPage(task.at(), task, model);
	}

	@GetMapping("/weeks/{weekId}/resources/new")
	String newResource(@PathVariable String slug, @PathVariable long weekId, Model model) {
		WeekContent at = this.administration.weekContent(slug, weekId);
		model.addAttribute("resourceForm", ResourceForm.empty(at.place().version()));
		return resourcePage(at, null, model);
	}

	@PostMapping("/weeks/{weekId}/resources/new")
	String addResource(@PathVariable String slug, @PathVariable long weekId, @AuthenticationPrincipal AccountUser admin,
			@Valid ResourceForm resourceForm, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Edited edited = this.editor
					.addResource(resourceForm.toAdd(EditorPages.basis(slug, resourceForm.version(), admin), weekId));
				return EditorPages.toOutline(edited, redirect, "admin.curriculum.resource.added");
			}
			catch (CurriculumChangedException changed) {
				WeekContent current = this.administration.weekContent(slug, weekId);
				model.addAttribute("resourceForm", resourceForm.over(current.place().version()));
				EditorPages.conflict(model, response, resourceForm.version(), current.place());
				return resourcePage(current, null, model);
			}
		}
		return resourcePage(this.administration.weekContent(slug, weekId), null, model);
	}

	@GetMapping("/resources/{id}/edit")
	String resource(@PathVariable String slug, @PathVariable long id, Model model) {
		ResourceDetail resource = this.administration.resource(slug, id);
		model.addAttribute("resourceForm", ResourceForm.of(resource));
		return resourcePage(resource.at(), resource, model);
	}

	@PostMapping("/resources/{id}/edit")
	String editResource(@PathVariable String slug, @PathVariable long id, @AuthenticationPrincipal AccountUser admin,
			@Valid ResourceForm resourceForm, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Edited edited = this.editor
					.editResource(resourceForm.toEdit(EditorPages.basis(slug, resourceForm.version(), admin), id));
				return EditorPages.toOutline(edited, redirect, "admin.curriculum.resource.saved");
			}
			catch (CurriculumChangedException changed) {
				ResourceDetail current = this.administration.resource(slug, id);
				model.addAttribute("resourceForm", resourceForm.over(current.at().place().version()));
				EditorPages.conflict(model, response, resourceForm.version(), current.at().place());
				return resourcePage(current.at(), current, model);
			}
		}
		ResourceDetail resource = this.administration.resource(slug, id);
		return resourcePage(resource.at(), resource, model);
	}

	private String skillPage(WeekContent at, SkillDetail skill, Model model) {
		model.addAttribute("at", at);
		model.addAttribute("skill", skill);
		return EditorPages.SKILL;
	}

	private String taskPage(WeekContent at, TaskDetail task, Model model) {
		model.addAttribute("at", at);
		model.addAttribute("task", task);
		return EditorPages.TASK;
	}

	private String resourcePage(WeekContent at, ResourceDetail resource, Model model) {
		model.addAttribute("at", at);
		model.addAttribute("resource", resource);
		model.addAttribute("kinds", ResourceKind.values());
		return EditorPages.RESOURCE;
	}

}
