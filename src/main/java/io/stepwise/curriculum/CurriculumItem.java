package io.stepwise.curriculum;

import java.time.Instant;

import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * Something a learner checks off within a week. Skills and project tasks share one table
 * so progress can reference either by a single id.
 */
@Entity
@Table(name = "curriculum_item")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind", length = 10)
abstract class CurriculumItem {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Week week;

	private int position;

	private String title;

	private String description = "";

	private Instant createdAt;

	/**
	 * Set when an edit removes the item: learners' check-offs keep pointing at it, and
	 * pages no longer show it.
	 */
	private Instant archivedAt;

	protected CurriculumItem() {
	}

	CurriculumItem(Week week, int position, String title, String description, Instant now) {
		this.week = week;
		this.position = position;
		this.title = title;
		this.description = description;
		this.createdAt = now;
	}

	/** Changes the text; the item keeps its id, and learners their check-offs. */
	void edit(String title, String description) {
		this.title = title;
		this.description = description;
	}

	void placeAt(int position) {
		this.position = position;
	}

	/** Into another week, keeping the id and with it learners' check-offs. */
	void moveTo(Week week, int position) {
		this.week = week;
		this.position = position;
	}

	/** Removed from pages and the gate; check-offs that point at it stay. */
	void archive(Instant now) {
		this.archivedAt = now;
	}

	boolean isArchived() {
		return this.archivedAt != null;
	}

	Long getId() {
		return this.id;
	}

	Week getWeek() {
		return this.week;
	}

	int getPosition() {
		return this.position;
	}

	String getTitle() {
		return this.title;
	}

	String getDescription() {
		return this.description;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

}
