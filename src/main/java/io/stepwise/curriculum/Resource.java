package io.stepwise.curriculum;

import java.util.ArrayList;
import java.util.List;

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
import jakarta.persistence.OrderColumn;

/**
 * Something to read or use: belongs either to a week or to a curriculum-level section.
 */
@Entity
class Resource {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Curriculum curriculum;

	@ManyToOne(fetch = FetchType.LAZY)
	private Week week;

	@ManyToOne(fetch = FetchType.LAZY)
	private CurriculumSection section;

	private int position;

	private String title;

	private String url;

	@Enumerated(EnumType.STRING)
	private ResourceKind kind;

	private String description;

	@ManyToMany
	@JoinTable(name = "resource_citation", joinColumns = @JoinColumn(name = "resource_id"),
			inverseJoinColumns = @JoinColumn(name = "reference_id"))
	@OrderColumn(name = "position")
	private List<Reference> citations = new ArrayList<>();

	protected Resource() {
	}

	private Resource(Curriculum curriculum, int position, String title, String url, ResourceKind kind,
			String description) {
		this.curriculum = curriculum;
		this.position = position;
		this.title = title;
		this.url = WebLinks.requireHttp(url);
		this.kind = kind;
		this.description = description;
	}

	static Resource ofWeek(Week week, int position, String title, String url, ResourceKind kind, String description) {
		Resource resource = new Resource(week.getCurriculum(), position, title, url, kind, description);
		resource.week = week;
		return resource;
	}

	static Resource ofSection(CurriculumSection section, int position, String title, String url, ResourceKind kind,
			String description) {
		Resource resource = new Resource(section.getCurriculum(), position, title, url, kind, description);
		resource.section = section;
		return resource;
	}

	void cite(List<Reference> references) {
		this.citations.addAll(references);
	}

	void edit(String title, String url, ResourceKind kind, String description) {
		this.title = title;
		this.url = WebLinks.requireHttp(url);
		this.kind = kind;
		this.description = description;
	}

	void placeAt(int position) {
		this.position = position;
	}

	void recite(List<Reference> references) {
		this.citations.clear();
		this.citations.addAll(references);
	}

	Long getId() {
		return this.id;
	}

	Week getWeek() {
		return this.week;
	}

	CurriculumSection getSection() {
		return this.section;
	}

	int getPosition() {
		return this.position;
	}

	String getTitle() {
		return this.title;
	}

	String getUrl() {
		return this.url;
	}

	ResourceKind getKind() {
		return this.kind;
	}

	String getDescription() {
		return this.description;
	}

}
