package io.stepwise.authoring;

/**
 * A curriculum document that cannot be imported. The message starts with "Line N: " so
 * authors can find the problem in their file.
 */
public class CurriculumFormatException extends RuntimeException {

	private final int line;

	public CurriculumFormatException(int line, String detail) {
		super("Line " + line + ": " + detail);
		this.line = line;
	}

	/**
	 * @return the 1-based line of the document the problem was found on
	 */
	public int line() {
		return this.line;
	}

}
