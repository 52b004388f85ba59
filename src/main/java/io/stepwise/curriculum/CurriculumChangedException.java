package io.stepwise.curriculum;

import java.util.Map;

import io.stepwise.system.ConflictException;

/**
 * The curriculum changed since the admin saw it: since the editor form was opened, or
 * since a document was previewed against it. One version covers the whole curriculum, and
 * editor and import check the same one. Nothing was written.
 */
public class CurriculumChangedException extends ConflictException {

	private final Map<String, Object> properties;

	/** An edit in the browser, against a form opened at an older version. */
	CurriculumChangedException() {
		super("Curriculum changed",
				"Someone changed this curriculum since you opened it. Review the changes, then save again.");
		this.properties = Map.of();
	}

	/** A revision from a document, previewed against an older version. */
	CurriculumChangedException(String slug, long previewedVersion, long currentVersion) {
		super("Curriculum changed", "The curriculum '" + slug + "' was changed since the preview (version "
				+ previewedVersion + ", now " + currentVersion + "); preview the document again.");
		this.properties = Map.of("slug", slug, "previewedVersion", previewedVersion, "currentVersion", currentVersion);
	}

	@Override
	public Map<String, Object> properties() {
		return this.properties;
	}

}
