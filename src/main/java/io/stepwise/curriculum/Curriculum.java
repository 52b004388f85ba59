package io.stepwise.curriculum;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

@Entity
class Curriculum {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String slug;

	private String title;

	private String intro;

	private int plannedWeeks;

	@Enumerated(EnumType.STRING)
	private CurriculumShape shape;

	@Column(name = "source_sha256")
	private String sourceSha256;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	@ElementCollection
	@CollectionTable(name = "curriculum_guideline", joinColumns = @JoinColumn(name = "curriculum_id"))
	@OrderColumn(name = "position")
	@Column(name = "text")
	private List<String> guidelines = new ArrayList<>();

	@OneToMany(mappedBy = "curriculum", cascade = CascadeType.PERSIST)
	@OrderBy("position")
	private List<Phase> phases = new ArrayList<>();

	@OneToMany(mappedBy = "curriculum", cascade = CascadeType.PERSIST)
	@OrderBy("position")
	private List<CurriculumSection> sections = new ArrayList<>();

	@OneToMany(mappedBy = "curriculum", cascade = CascadeType.PERSIST)
	@OrderBy("number")
	private List<Reference> references = new ArrayList<>();

	protected Curriculum() {
	}

	Curriculum(String slug, String title, String intro, List<String> guidelines, int plannedWeeks,
			CurriculumShape shape, String sourceSha256, Instant now) {
		this.slug = slug;
		this.title = title;
		this.intro = intro;
		this.guidelines.addAll(guidelines);
		this.plannedWeeks = plannedWeeks;
		this.shape = shape;
		this.sourceSha256 = sourceSha256;
		this.createdAt = now;
		this.updatedAt = now;
	}

	Phase addPhase(String title, String goal, MonthSpan months) {
		Phase phase = new Phase(this, this.phases.size() + 1, title, goal, months);
		this.phases.add(phase);
		return phase;
	}

	/** Takes an empty phase out; the caller numbers the phases left. */
	void removePhase(Phase phase) {
		this.phases.remove(phase);
	}

	void edit(String title, String intro, int plannedWeeks) {
		this.title = title;
		this.intro = intro;
		this.plannedWeeks = plannedWeeks;
	}

	/**
	 * Records that something in the curriculum changed. The row itself changes with it,
	 * so its version goes up once in the transaction of the edit, whatever part of the
	 * curriculum was edited: the version keys editor forms, caches and ETags alike. The
	 * moment always moves forward, or the row would not change.
	 */
	void changed(Instant now) {
		this.updatedAt = (this.updatedAt == null || now.isAfter(this.updatedAt)) ? now
				: this.updatedAt.plusNanos(1_000);
	}

	CurriculumSection addSection(String part, String title, SectionKind kind, String body) {
		CurriculumSection section = new CurriculumSection(this, this.sections.size() + 1, part, title, kind, body);
		this.sections.add(section);
		return section;
	}

	Reference addReference(int number, String url) {
		Reference reference = new Reference(this, number, url);
		this.references.add(reference);
		return reference;
	}

	/**
	 * Takes what a new version of its document says beyond {@link #edit}: the guidelines,
	 * the shape it is written in and its fingerprint. The caller records the change with
	 * {@link #changed(Instant)}, once for the whole revision.
	 */
	void takeDocument(List<String> guidelines, CurriculumShape shape, String sourceSha256) {
		if (!this.guidelines.equals(guidelines)) {
			this.guidelines.clear();
			this.guidelines.addAll(guidelines);
		}
		this.shape = shape;
		this.sourceSha256 = sourceSha256;
	}

	void removeSection(CurriculumSection section) {
		this.sections.remove(section);
	}

	void removeReference(Reference reference) {
		this.references.remove(reference);
	}

	Long getId() {
		return this.id;
	}

	String getSlug() {
		return this.slug;
	}

	String getTitle() {
		return this.title;
	}

	String getIntro() {
		return this.intro;
	}

	int getPlannedWeeks() {
		return this.plannedWeeks;
	}

	List<String> getGuidelines() {
		return this.guidelines;
	}

	CurriculumShape getShape() {
		return this.shape;
	}

	String getSourceSha256() {
		return this.sourceSha256;
	}

	long getVersion() {
		return this.version;
	}

	Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
