package io.stepwise.curriculum;

/**
 * The shape of Markdown a curriculum was written in, so an export reads like the document
 * it came from.
 */
public enum CurriculumShape {

	/** {@code ## Month N – Title} parts, a {@code **Goal:**} line and a row per week. */
	SYLLABUS,

	/** {@code ##} phases with a month span, {@code ###} weeks, a skill per bullet. */
	ROADMAP

}
