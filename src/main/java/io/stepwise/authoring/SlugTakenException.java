package io.stepwise.authoring;

import java.util.Map;

import io.stepwise.system.ConflictException;

/**
 * A preview took its slug for a new curriculum, and a curriculum was made under it since,
 * perhaps by another admin's import.
 */
class SlugTakenException extends ConflictException {

	private final String slug;

	SlugTakenException(String slug) {
		super("Curriculum exists", "A curriculum '" + slug
				+ "' was created since the preview took it for a new one; preview the document again.");
		this.slug = slug;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("slug", this.slug);
	}

}
