package io.stepwise.curriculum;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;

/** The gated unit of progress: learners finish weeks one after another. */
@Entity
class Week {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Curriculum curriculum;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Phase phase;

	/** 1..N among the curriculum's weeks; none once archived. */
	private Integer number;

	private String title;

	private Instant createdAt;

	/**
	 * Set when an admin removes a week that learners' history refers to: the row stays
	 * for that history, and pages and the gate no longer see it.
	 */
	private Instant archivedAt;

	@ManyToMany
	@JoinTable(name = "week_citation", joinColumns = @JoinColumn(name = "week_id"),
			inverseJoinColumns = @JoinColumn(name = "reference_id"))
	@OrderColumn(name = "position")
	private List<Reference> citations = new ArrayList<>();

	@OneToMany(mappedBy = "week", cascade = CascadeType.PERSIST)
	@OrderBy("position")
	private List<CurriculumItem> items = new ArrayList<>();

	@OneToMany(mappedBy = "week", cascade = CascadeType.PERSIST)
	@OrderBy("position")
	private List<Resource> resources = new ArrayList<>();

	protected Week() {
	}

	Week(Curriculum curriculum, Phase phase, int number, String title, Instant now) {
		this.curriculum = curriculum;
		this.phase = phase;
		this.number = number;
		this.title = title;
		this.createdAt = now;
	}

	void cite(List<Reference> references) {
		this.citations.addAll(references);
	}

	Skill addSkill(String name, String description, List<Reference> citations, Instant now) {
		Skill skill = new Skill(this, nextPosition(Skill.class), name, description, now);
		skill.cite(citations);
		this.items.add(skill);
		return skill;
	}

	ProjectTask addTask(String text, Instant now) {
		ProjectTask task = new ProjectTask(this, nextPosition(ProjectTask.class), text, now);
		this.items.add(task);
		return task;
	}

	Resource addResource(String title, String url, ResourceKind kind, String description, List<Reference> citations) {
		Resource resource = Resource.ofWeek(this, this.resources.size() + 1, title, url, kind, description);
		resource.cite(citations);
		this.resources.add(resource);
		return resource;
	}

	void edit(String title) {
		this.title = title;
	}

	/** Moves the week to another phase; the caller numbers the weeks again. */
	void moveTo(Phase phase) {
		if (phase != this.phase) {
			this.phase.release(this);
			phase.adopt(this);
			this.phase = phase;
		}
	}

	void renumber(int number) {
		this.number = number;
	}

	/** Archives the week with its history; its number is free for the weeks left. */
	void archive(Instant now) {
		this.archivedAt = now;
		this.number = null;
	}

	void recite(List<Reference> references) {
		this.citations.clear();
		this.citations.addAll(references);
	}

	void removeResource(Resource resource) {
		this.resources.remove(resource);
	}

	/**
	 * Skills and tasks are numbered apart: "task 2" is the second task, whatever the
	 * skills. Archived items keep the place they had and count no more.
	 */
	private int nextPosition(Class<? extends CurriculumItem> kind) {
		return (int) this.items.stream().filter(kind::isInstance).filter((item) -> !item.isArchived()).count() + 1;
	}

	Long getId() {
		return this.id;
	}

	Curriculum getCurriculum() {
		return this.curriculum;
	}

	Phase getPhase() {
		return this.phase;
	}

	/** The week's number; only archived weeks have none, and they are never shown. */
	int getNumber() {
		return this.number;
	}

	boolean isArchived() {
		return this.archivedAt != null;
	}

	String getTitle() {
		return this.title;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

}
