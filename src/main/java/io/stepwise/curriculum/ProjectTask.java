package io.stepwise.curriculum;

import java.time.Instant;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("TASK")
class ProjectTask extends CurriculumItem {

	protected ProjectTask() {
	}

	ProjectTask(Week week, int position, String text, Instant now) {
		super(week, position, text, "", now);
	}

	String getText() {
		return getTitle();
	}

}
