package io.stepwise.curriculum;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One entry of a curriculum's numbered reference list, the target of citations. */
@Entity
@Table(name = "curriculum_reference")
class Reference {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Curriculum curriculum;

	private int number;

	private String url;

	protected Reference() {
	}

	Reference(Curriculum curriculum, int number, String url) {
		this.curriculum = curriculum;
		this.number = number;
		this.url = WebLinks.requireHttp(url);
	}

	void revise(String url) {
		this.url = WebLinks.requireHttp(url);
	}

	Long getId() {
		return this.id;
	}

	Long getCurriculumId() {
		return this.curriculum.getId();
	}

	int getNumber() {
		return this.number;
	}

	String getUrl() {
		return this.url;
	}

}
