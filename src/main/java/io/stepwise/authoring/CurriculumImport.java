package io.stepwise.authoring;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A document an admin uploaded, kept until they apply or cancel it, so that what is
 * applied is what was previewed: the same text, against the version of the curriculum the
 * preview was made for.
 */
@Entity
@Table(name = "curriculum_import")
class CurriculumImport {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String slug;

	/** The curriculum the import changes; {@code null} when it creates one. */
	private Long curriculumId;

	private Long curriculumVersion;

	/** As the browser sent it, only ever shown; {@code null} for the API. */
	private String fileName;

	private String source;

	private String sourceSha256;

	private long createdBy;

	private Instant createdAt;

	protected CurriculumImport() {
	}

	CurriculumImport(String slug, Long curriculumId, Long curriculumVersion, String fileName, String source,
			String sourceSha256, long createdBy, Instant createdAt) {
		this.slug = slug;
		this.curriculumId = curriculumId;
		this.curriculumVersion = curriculumVersion;
		this.fileName = fileName;
		this.source = source;
		this.sourceSha256 = sourceSha256;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
	}

	Long getId() {
		return this.id;
	}

	String getSlug() {
		return this.slug;
	}

	boolean isNew() {
		return this.curriculumId == null;
	}

	Long getCurriculumVersion() {
		return this.curriculumVersion;
	}

	String getFileName() {
		return this.fileName;
	}

	String getSource() {
		return this.source;
	}

	String getSourceSha256() {
		return this.sourceSha256;
	}

}
