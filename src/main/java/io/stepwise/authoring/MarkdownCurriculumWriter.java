package io.stepwise.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.stepwise.curriculum.CurriculumDraft;
import io.stepwise.curriculum.CurriculumDraft.PhaseDraft;
import io.stepwise.curriculum.CurriculumDraft.ReferenceDraft;
import io.stepwise.curriculum.CurriculumDraft.ResourceDraft;
import io.stepwise.curriculum.CurriculumDraft.SectionDraft;
import io.stepwise.curriculum.CurriculumDraft.SkillDraft;
import io.stepwise.curriculum.CurriculumDraft.WeekDraft;
import io.stepwise.curriculum.MonthSpan;
import io.stepwise.curriculum.SectionKind;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;

import static io.stepwise.authoring.MarkdownEscapes.blockStart;
import static io.stepwise.authoring.MarkdownEscapes.citations;
import static io.stepwise.authoring.MarkdownEscapes.destination;
import static io.stepwise.authoring.MarkdownEscapes.heading;
import static io.stepwise.authoring.MarkdownEscapes.linkText;
import static io.stepwise.authoring.MarkdownEscapes.text;

/**
 * Writes a curriculum as a Markdown document of its own shape, the way a person would
 * write it, such that {@link MarkdownCurriculumParser} reads it back to the same draft.
 * <p>
 * Stored Markdown (the intro, guidelines, the text of informational sections) is written
 * as it is; everything else is plain text, escaped by {@link MarkdownEscapes}. What a
 * document of the shape cannot say is not written: a syllabus skill has no description,
 * and a roadmap week holds skills or, for a project level at the end of a phase, tasks.
 */
final class MarkdownCurriculumWriter {

	/** Labels the guidelines list; the parser looks for "How to use". */
	private static final String SYLLABUS_GUIDELINES = "**How to Use This Syllabus:**";

	private static final String ROADMAP_GUIDELINES = "**How to Use This Roadmap:**";

	/** The heading over the project levels of a roadmap; its text is not stored. */
	private static final String PROJECT_LEVELS = "Practical Projects for Each Phase";

	private final Parser parser = Parser.builder().build();

	String write(CurriculumDraft draft) {
		Document document = new Document();
		boolean introFirst = !this.introFitsAfterTitle(draft.intro());
		if (introFirst && !draft.intro().isEmpty()) {
			document.block(draft.intro());
		}
		document.block("# " + heading(draft.title()));
		if (!introFirst && !draft.intro().isEmpty()) {
			document.block(draft.intro());
		}
		switch (draft.shape()) {
			case SYLLABUS -> syllabus(draft, document);
			case ROADMAP -> roadmap(draft, document);
		}
		sections(draft.sections(), document);
		references(draft.references(), document);
		return document.toString();
	}

	private static void guidelines(List<String> guidelines, String label, Document document) {
		if (guidelines.isEmpty()) {
			return;
		}
		document.block(label);
		List<String> items = new ArrayList<>();
		// continuation lines stay in the item's paragraph when indented under it
		guidelines.forEach((guideline) -> items.add("- " + guideline.replace("\n", "\n  ")));
		document.block(String.join("\n", items));
	}

	// Syllabus: "## Month N – Title", a goal line, and a table with a row per week

	private static void syllabus(CurriculumDraft draft, Document document) {
		guidelines(draft.guidelines(), SYLLABUS_GUIDELINES, document);
		boolean first = true;
		for (PhaseDraft phase : draft.phases()) {
			if (!first) {
				document.block("---");
			}
			first = false;
			document.block("## " + months(phase.months()) + separator(phase.title()) + heading(phase.title()));
			if (!phase.goal().isEmpty()) {
				document.block("**Goal:** " + text(phase.goal()));
			}
			document.block(table(phase.weeks()));
		}
	}

	/** "Month 1" or "Months 2-3", as the parser reads a syllabus heading. */
	private static String months(MonthSpan months) {
		return months.isSingleMonth() ? "Month " + months.from() : "Months " + months.from() + "-" + months.to();
	}

	/** A title starting with a digit after a dash would read as the end of the span. */
	private static String separator(String title) {
		return (!title.isEmpty() && Character.isDigit(title.charAt(0))) ? ": " : " – ";
	}

	private static String table(List<WeekDraft> weeks) {
		boolean titled = weeks.stream().anyMatch((week) -> !week.title().isEmpty() || !week.citations().isEmpty());
		StringBuilder table = new StringBuilder();
		table.append(titled ? "| Week | Title | Skills | Resources | Project Tasks |\n| --- | --- | --- | --- | --- |"
				: "| Week | Skills | Resources | Project Tasks |\n| --- | --- | --- | --- |");
		for (WeekDraft week : weeks) {
			List<String> cells = new ArrayList<>();
			cells.add(Integer.toString(week.number()));
			if (titled) {
				cells.add(MarkdownEscapes.cell(week.title()) + citations(week.citations()));
			}
			cells.add(String.join(", ", week.skills().stream().map(MarkdownCurriculumWriter::listedSkill).toList()));
			cells.add(String.join(", ",
					week.resources().stream().map(MarkdownCurriculumWriter::listedResource).toList()));
			List<String> tasks = new ArrayList<>();
			for (int i = 0; i < week.tasks().size(); i++) {
				tasks.add((i + 1) + ". " + MarkdownEscapes.taskInCell(week.tasks().get(i), i + 1));
			}
			cells.add(String.join(" ", tasks));
			table.append("\n| ").append(String.join(" | ", cells)).append(" |");
		}
		return table.toString();
	}

	private static String listedSkill(SkillDraft skill) {
		return MarkdownEscapes.listedInCell(skill.name()) + citations(skill.citations());
	}

	private static String listedResource(ResourceDraft resource) {
		if (resource.url() != null) {
			return "[" + linkText(resource.title(), true) + citations(resource.citations()) + "]("
					+ destination(resource.url(), true) + ")";
		}
		return MarkdownEscapes.listedInCell(resource.title()) + citations(resource.citations());
	}

	// Roadmap: "## Title (Month 1-2)" phases, "### Title" weeks, a skill per bullet

	private static void roadmap(CurriculumDraft draft, Document document) {
		guidelines(draft.guidelines(), ROADMAP_GUIDELINES, document);
		List<String> levels = new ArrayList<>();
		List<PhaseDraft> phases = draft.phases();
		for (int p = 0; p < phases.size(); p++) {
			PhaseDraft phase = phases.get(p);
			document.block("## " + spanned(phase.title(), phase.months(), true));
			for (String paragraph : phase.goal().split("\n\n")) {
				if (!paragraph.isBlank()) {
					document.block(blockStart(paragraph));
				}
			}
			for (WeekDraft week : phase.weeks()) {
				if (isLevel(week)) {
					levels.add(level(week, levelSpan(phases, p)));
				}
				else {
					document.block("### " + heading(week.title()) + citations(week.citations()));
					if (!week.skills().isEmpty()) {
						document.block(String.join("\n",
								week.skills().stream().map(MarkdownCurriculumWriter::skill).toList()));
					}
				}
			}
		}
		if (!levels.isEmpty()) {
			document.block("## " + PROJECT_LEVELS);
			levels.forEach(document::block);
		}
	}

	/** A week of tasks and no skills is a project level: the parser reads no other. */
	private static boolean isLevel(WeekDraft week) {
		return !week.tasks().isEmpty() && week.skills().isEmpty();
	}

	private static String level(WeekDraft week, MonthSpan months) {
		StringBuilder level = new StringBuilder("### ").append(spanned(week.title(), months, false))
			.append(citations(week.citations()));
		level.append("\n\n");
		level.append(String.join("\n", week.tasks().stream().map((task) -> "- " + blockStart(task)).toList()));
		return level.toString();
	}

	/**
	 * The months of a project level that puts it in the phase at index {@code p}: the
	 * parser places a level after the last phase that ends within its months.
	 */
	private static MonthSpan levelSpan(List<PhaseDraft> phases, int p) {
		MonthSpan own = phases.get(p).months();
		for (MonthSpan span : List.of(own, MonthSpan.of(own.to()))) {
			boolean claimedLater = phases.subList(p + 1, phases.size())
				.stream()
				.anyMatch((later) -> span.contains(later.months().to()));
			if (!claimedLater) {
				return span;
			}
		}
		return MonthSpan.of(own.to());
	}

	/**
	 * A title with its month span in parentheses, after it as people write it, or before
	 * it when the title itself reads as a span.
	 */
	private static String spanned(String title, MonthSpan months, boolean part) {
		String span = "(" + months(months) + ")";
		String after = heading(title) + " " + span;
		boolean ambiguous = MonthSpans.containsSpan(title) || (part && MonthSpans.startsWithSpan(after));
		return (ambiguous || title.isEmpty()) ? (span + " " + heading(title)).strip() : after;
	}

	private static String skill(SkillDraft skill) {
		String cited = citations(skill.citations());
		if (!skill.description().isEmpty()) {
			return "- **" + text(skill.name()) + "**: " + text(skill.description()) + cited;
		}
		// a bold name ending in a colon would lose the colon
		return skill.name().endsWith(":") ? "- " + blockStart(skill.name()) + cited
				: "- **" + text(skill.name()) + "**" + cited;
	}

	// Both shapes: curriculum-level sections and the reference list

	private static void sections(List<SectionDraft> sections, Document document) {
		for (int i = 0; i < sections.size(); i++) {
			SectionDraft section = sections.get(i);
			if (section.kind() == SectionKind.INFO) {
				document.block("## " + heading(section.title()) + citations(section.citations()));
				if (!section.body().isEmpty()) {
					document.block(section.body());
				}
				continue;
			}
			int end = i + 1;
			while (end < sections.size() && sections.get(end).kind() == SectionKind.RESOURCES
					&& sections.get(end).part().equals(section.part())) {
				end++;
			}
			resourceGroup(sections.subList(i, end), document);
			i = end - 1;
		}
	}

	/**
	 * Resource sections under one {@code ##} part: a section named like the part may be
	 * its bullets right under the part heading; any other is a {@code ###} of its own,
	 * carrying its citations (those on the part would be every section's).
	 */
	private static void resourceGroup(List<SectionDraft> group, Document document) {
		SectionDraft first = group.get(0);
		boolean underPart = first.title().equals(first.part()) && !first.resources().isEmpty()
				&& (group.size() == 1 || first.citations().isEmpty());
		document.block("## " + heading(first.part()) + (underPart ? citations(first.citations()) : ""));
		for (SectionDraft section : group) {
			if (section != first || !underPart) {
				document.block("### " + heading(section.title()) + citations(section.citations()));
			}
			if (!section.resources().isEmpty()) {
				document.block(String.join("\n",
						section.resources().stream().map(MarkdownCurriculumWriter::resourceBullet).toList()));
			}
		}
	}

	private static String resourceBullet(ResourceDraft resource) {
		String cited = citations(resource.citations());
		String name = (resource.url() != null)
				? "[" + linkText(resource.title(), false) + "](" + destination(resource.url(), false) + ")" : null;
		if (!resource.description().isEmpty()) {
			return "- **" + ((name != null) ? name : text(resource.title())) + "**: " + text(resource.description())
					+ cited;
		}
		return "- " + ((name != null) ? name : blockStart(resource.title())) + cited;
	}

	private static void references(List<ReferenceDraft> references, Document document) {
		if (references.isEmpty()) {
			return;
		}
		// the parser drops a heading that only introduces the list
		document.block("## References");
		document.block(String.join("\n",
				references.stream()
					.map((reference) -> "[" + reference.number() + "](" + destination(reference.url(), false) + ")")
					.toList()));
	}

	/**
	 * Whether the intro reads the same after the title: there, a {@code ##} heading would
	 * start a part and a "How to use" list would become guidelines. Before the title,
	 * nothing is read but the intro.
	 */
	private boolean introFitsAfterTitle(String intro) {
		if (intro.isEmpty()) {
			return true;
		}
		Node document = this.parser.parse(intro);
		for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
			if (block instanceof Heading heading && heading.getLevel() <= 2) {
				return false;
			}
			boolean label = block instanceof Paragraph || block instanceof Heading;
			if (label && block.getNext() instanceof ListBlock
					&& InlineText.of(block)
						.plain()
						.replaceFirst("^[^\\p{L}]+", "")
						.toLowerCase(Locale.ROOT)
						.startsWith("how to use")) {
				return false;
			}
		}
		return true;
	}

	/** Blocks separated by blank lines, ending with a line break. */
	private static final class Document {

		private final List<String> blocks = new ArrayList<>();

		void block(String block) {
			this.blocks.add(block);
		}

		@Override
		public String toString() {
			return String.join("\n\n", this.blocks) + "\n";
		}

	}

}
