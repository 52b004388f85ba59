package io.stepwise.curriculum;

/** What a resource is, so pages can label and group it. */
public enum ResourceKind {

	DOCUMENT, BOOK, TOOL, REFERENCE

}
