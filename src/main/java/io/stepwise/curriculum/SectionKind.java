package io.stepwise.curriculum;

/** Curriculum-level sections either group resources or carry informational text. */
public enum SectionKind {

	RESOURCES, INFO

}
