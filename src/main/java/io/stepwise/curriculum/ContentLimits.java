package io.stepwise.curriculum;

/**
 * The longest text each stored curriculum field holds, matching the column sizes in the
 * schema ({@code db/migration/V1__curriculum.sql}). Importers check content against these
 * so that a document that is too long is refused with its line instead of failing when it
 * is stored.
 * <p>
 * Lengths are counted as {@link String#length()} counts them, in UTF-16 units: that is
 * how H2 measures a value, and never fewer than the characters PostgreSQL counts.
 */
public final class ContentLimits {

	/** {@code curriculum.slug} */
	public static final int SLUG = 100;

	/** {@code curriculum.title} */
	public static final int CURRICULUM_TITLE = 300;

	/** {@code curriculum.intro} */
	public static final int INTRO = 20_000;

	/** {@code curriculum_guideline.text} */
	public static final int GUIDELINE = 2_000;

	/** {@code phase.title} */
	public static final int PHASE_TITLE = 300;

	/** {@code phase.goal} */
	public static final int PHASE_GOAL = 2_000;

	/** {@code week.title} */
	public static final int WEEK_TITLE = 300;

	/** {@code curriculum_item.title}: a skill's name or a project task's text. */
	public static final int ITEM_TITLE = 1_000;

	/** {@code curriculum_item.description}: a skill's description. */
	public static final int ITEM_DESCRIPTION = 4_000;

	/** {@code curriculum_section.part} */
	public static final int SECTION_PART = 300;

	/** {@code curriculum_section.title} */
	public static final int SECTION_TITLE = 300;

	/** {@code curriculum_section.body} */
	public static final int SECTION_BODY = 100_000;

	/** {@code resource.title} */
	public static final int RESOURCE_TITLE = 500;

	/** {@code resource.description} */
	public static final int RESOURCE_DESCRIPTION = 2_000;

	/** {@code resource.url} and {@code curriculum_reference.url} */
	public static final int URL = 2_000;

	private ContentLimits() {
	}

}
