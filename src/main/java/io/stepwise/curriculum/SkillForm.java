package io.stepwise.curriculum;

import io.stepwise.curriculum.CurriculumAdministration.SkillDetail;
import io.stepwise.curriculum.CurriculumEdits.AddSkill;
import io.stepwise.curriculum.CurriculumEdits.Basis;
import io.stepwise.curriculum.CurriculumEdits.EditSkill;
import io.stepwise.curriculum.CurriculumEdits.SkillContent;
import io.stepwise.system.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The form that adds or edits a skill. Its week is the one in the address.
 *
 * @param description shown as plain text after the name, may be empty
 */
record SkillForm(
		@NotBlank(message = "{admin.curriculum.skill.name.required}") @Size(max = ContentLimits.ITEM_TITLE,
				message = "{admin.curriculum.skill.name.tooLong}") @PlainText String name,
		@Size(max = ContentLimits.ITEM_DESCRIPTION,
				message = "{admin.curriculum.skill.description.tooLong}") @PlainText String description,
		Long version) {

	static SkillForm empty(long version) {
		return new SkillForm("", "", version);
	}

	static SkillForm of(SkillDetail skill) {
		return new SkillForm(skill.name(), skill.description(), skill.at().place().version());
	}

	SkillForm over(long version) {
		return new SkillForm(this.name, this.description, version);
	}

	AddSkill toAdd(Basis basis, long weekId) {
		return new AddSkill(basis, weekId, content());
	}

	EditSkill toEdit(Basis basis, long skillId) {
		return new EditSkill(basis, skillId, content());
	}

	private SkillContent content() {
		return new SkillContent(this.name, (this.description != null) ? this.description : "");
	}

}
