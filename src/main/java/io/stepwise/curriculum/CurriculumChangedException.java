package io.stepwise.curriculum;

import java.util.Map;

import io.stepwise.system.ConflictException;

/**
 * A curriculum changed between the preview of a change and its application: what was
 * previewed is no longer what would happen.
 */
public class CurriculumChangedException extends ConflictException {

	private final String slug;

	private final long previewedVersion;

	private final long currentVersion;

	CurriculumChangedException(String slug, long previewedVersion, long currentVersion) {
		super("Curriculum changed", "The curriculum '" + slug + "' was changed since the preview (version "
				+ previewedVersion + ", now " + currentVersion + "); preview the document again.");
		this.slug = slug;
		this.previewedVersion = previewedVersion;
		this.currentVersion = currentVersion;
	}

	public String slug() {
		return this.slug;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("slug", this.slug, "previewedVersion", this.previewedVersion, "currentVersion",
				this.currentVersion);
	}

}
