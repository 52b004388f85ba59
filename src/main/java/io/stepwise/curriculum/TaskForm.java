package io.stepwise.curriculum;

import io.stepwise.curriculum.CurriculumAdministration.TaskDetail;
import io.stepwise.curriculum.CurriculumEdits.AddTask;
import io.stepwise.curriculum.CurriculumEdits.Basis;
import io.stepwise.curriculum.CurriculumEdits.EditTask;
import io.stepwise.system.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The form that adds or edits a project task. Its week is the one in the address. */
record TaskForm(@NotBlank(message = "{admin.curriculum.task.text.required}") @Size(max = ContentLimits.ITEM_TITLE,
		message = "{admin.curriculum.task.text.tooLong}") @PlainText String text, Long version) {

	static TaskForm empty(long version) {
		return new TaskForm("", version);
	}

	static TaskForm of(TaskDetail task) {
		return new TaskForm(task.text(), task.at().place().version());
	}

	TaskForm over(long version) {
		return new TaskForm(this.text, version);
	}

	AddTask toAdd(Basis basis, long weekId) {
		return new AddTask(basis, weekId, this.text);
	}

	EditTask toEdit(Basis basis, long taskId) {
		return new EditTask(basis, taskId, this.text);
	}

}
