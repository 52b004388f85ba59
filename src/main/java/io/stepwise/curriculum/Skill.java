package io.stepwise.curriculum;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderColumn;

@Entity
@DiscriminatorValue("SKILL")
class Skill extends CurriculumItem {

	@ManyToMany
	@JoinTable(name = "item_citation", joinColumns = @JoinColumn(name = "item_id"),
			inverseJoinColumns = @JoinColumn(name = "reference_id"))
	@OrderColumn(name = "position")
	private List<Reference> citations = new ArrayList<>();

	protected Skill() {
	}

	Skill(Week week, int position, String name, String description, Instant now) {
		super(week, position, name, description, now);
	}

	void cite(List<Reference> references) {
		this.citations.addAll(references);
	}

	void recite(List<Reference> references) {
		this.citations.clear();
		this.citations.addAll(references);
	}

	String getName() {
		return getTitle();
	}

}
