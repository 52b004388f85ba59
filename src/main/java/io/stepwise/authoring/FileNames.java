package io.stepwise.authoring;

/**
 * The name a browser gives an uploaded file, reduced to something to show. It is never
 * used as a path: uploads are read from memory and stored in the database.
 */
final class FileNames {

	static final int MAX_LENGTH = 255;

	private FileNames() {
	}

	/**
	 * @return the last segment of the name without control characters, at most 255
	 * characters; {@code null} when nothing is left
	 */
	static String shown(String original) {
		if (original == null) {
			return null;
		}
		String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1)
			.replaceAll("\\p{Cntrl}", "")
			.strip();
		if (name.length() > MAX_LENGTH) {
			name = name.substring(0, MAX_LENGTH);
		}
		return name.isEmpty() ? null : name;
	}

}
