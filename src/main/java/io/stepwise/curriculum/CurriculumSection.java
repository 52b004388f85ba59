package io.stepwise.curriculum;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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

/**
 * Curriculum-level content outside the weeks: a group of resources or informational text.
 */
@Entity
class CurriculumSection {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Curriculum curriculum;

	private int position;

	private String part;

	private String title;

	@Enumerated(EnumType.STRING)
	private SectionKind kind;

	/** Markdown source; rendered with raw HTML escaped when shown. */
	private String body;

	@ManyToMany
	@JoinTable(name = "section_citation", joinColumns = @JoinColumn(name = "section_id"),
			inverseJoinColumns = @JoinColumn(name = "reference_id"))
	@OrderColumn(name = "position")
	private List<Reference> citations = new ArrayList<>();

	@OneToMany(mappedBy = "section", cascade = CascadeType.PERSIST)
	@OrderBy("position")
	private List<Resource> resources = new ArrayList<>();

	protected CurriculumSection() {
	}

	CurriculumSection(Curriculum curriculum, int position, String part, String title, SectionKind kind, String body) {
		this.curriculum = curriculum;
		this.position = position;
		this.part = part;
		this.title = title;
		this.kind = kind;
		this.body = body;
	}

	void cite(List<Reference> references) {
		this.citations.addAll(references);
	}

	void revise(String part, String title, SectionKind kind, String body) {
		this.part = part;
		this.title = title;
		this.kind = kind;
		this.body = body;
	}

	void recite(List<Reference> references) {
		this.citations.clear();
		this.citations.addAll(references);
	}

	void removeResource(Resource resource) {
		this.resources.remove(resource);
	}

	Resource addResource(String title, String url, ResourceKind kind, String description, List<Reference> citations) {
		Resource resource = Resource.ofSection(this, this.resources.size() + 1, title, url, kind, description);
		resource.cite(citations);
		this.resources.add(resource);
		return resource;
	}

	Long getId() {
		return this.id;
	}

	Curriculum getCurriculum() {
		return this.curriculum;
	}

	int getPosition() {
		return this.position;
	}

	String getPart() {
		return this.part;
	}

	String getTitle() {
		return this.title;
	}

	SectionKind getKind() {
		return this.kind;
	}

	String getBody() {
		return this.body;
	}

}
