package io.stepwise.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.stepwise.authoring.Outline.Part;
import io.stepwise.curriculum.ContentLimits;
import io.stepwise.curriculum.CurriculumDraft.PhaseDraft;
import io.stepwise.curriculum.CurriculumDraft.SectionDraft;
import io.stepwise.curriculum.CurriculumDraft.SkillDraft;
import io.stepwise.curriculum.CurriculumDraft.WeekDraft;
import io.stepwise.curriculum.CurriculumShape;
import io.stepwise.curriculum.MonthSpan;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/**
 * Reads the roadmap shape: {@code ##} phases carrying a month span, {@code ###} sections
 * as weeks with a skill per bullet, project levels placed among the phases, and
 * curriculum-level sections for everything else.
 */
final class RoadmapReader {

	private final ItemBudget budget;

	private final SectionReader sections;

	RoadmapReader(Source source, ItemBudget budget) {
		this.budget = budget;
		this.sections = new SectionReader(source, budget);
	}

	static boolean recognises(List<Part> parts) {
		return parts.stream().anyMatch((part) -> MonthSpans.containsSpan(part.headingText()));
	}

	Body read(List<Part> parts) {
		List<PhaseParts> phases = new ArrayList<>();
		List<Level> levels = new ArrayList<>();
		List<SectionDraft> sections = new ArrayList<>();
		for (Part part : parts) {
			Optional<MonthSpans.Titled> span = MonthSpans.bracketed(part.headingText(), part.line());
			if (span.isPresent()) {
				phases.add(phase(part, span.get()));
			}
			else if (isLevelGroup(part)) {
				levels.addAll(levels(part));
			}
			else {
				sections.addAll(this.sections.read(part));
			}
		}
		levels.forEach((level) -> place(level, phases));
		int maxMonth = 0;
		int number = 1;
		List<PhaseDraft> drafts = new ArrayList<>();
		for (PhaseParts phase : phases) {
			if (phase.weeks.isEmpty()) {
				throw new CurriculumFormatException(phase.line,
						"phase \"" + phase.title + "\" has no weeks; add a ### section under it");
			}
			List<WeekDraft> weeks = new ArrayList<>();
			for (WeekParts week : phase.weeks) {
				weeks.add(new WeekDraft(number++, week.title(), week.citations(), week.skills(), List.of(),
						week.tasks()));
			}
			drafts.add(new PhaseDraft(phase.title, phase.goal, phase.months, weeks));
			maxMonth = Math.max(maxMonth, phase.months.to());
		}
		for (Level level : levels) {
			maxMonth = Math.max(maxMonth, level.months().to());
		}
		return new Body(drafts, sections, (int) Math.round(maxMonth * 52 / 12.0), CurriculumShape.ROADMAP);
	}

	private PhaseParts phase(Part part, MonthSpans.Titled span) {
		Lengths.atMost(span.title(), ContentLimits.PHASE_TITLE, "phase title", part.heading());
		PhaseParts phase = new PhaseParts(span.title(), span.months(), part.line());
		List<String> goal = new ArrayList<>();
		int goalLine = part.line();
		List<Node> weekBlocks = null;
		Heading weekHeading = null;
		for (Node block : part.blocks()) {
			if (block instanceof Heading heading && heading.getLevel() == 3) {
				addWeek(phase, weekHeading, weekBlocks);
				weekHeading = heading;
				weekBlocks = new ArrayList<>();
			}
			else if (weekBlocks != null) {
				weekBlocks.add(block);
			}
			else if (block instanceof Paragraph) {
				if (goal.isEmpty()) {
					goalLine = Source.line(block);
				}
				goal.add(InlineText.of(block).plain());
			}
			else if (block instanceof ListBlock) {
				throw new CurriculumFormatException(Source.line(block),
						"a list under phase \"" + phase.title + "\" must sit under a ### section");
			}
		}
		addWeek(phase, weekHeading, weekBlocks);
		phase.goal = Lengths.atMost(String.join("\n\n", goal), ContentLimits.PHASE_GOAL, "phase goal", goalLine);
		return phase;
	}

	private void addWeek(PhaseParts phase, Heading heading, List<Node> blocks) {
		if (heading == null) {
			return;
		}
		this.budget.takeWeek(heading);
		InlineText title = InlineText.of(heading);
		Lengths.atMost(title.plain(), ContentLimits.WEEK_TITLE, "week title", heading);
		List<SkillDraft> skills = new ArrayList<>();
		for (Bullet bullet : Bullet.in(blocks)) {
			this.budget.take(bullet.item());
			ItemBudget.checkWeek(skills.size() + 1, bullet.item());
			String name = Lengths.atMost(bullet.name(), ContentLimits.ITEM_TITLE, "skill name", bullet.item());
			String description = Lengths.atMost(bullet.description(), ContentLimits.ITEM_DESCRIPTION,
					"skill description", bullet.item());
			skills.add(new SkillDraft(name, description, bullet.citations()));
		}
		phase.weeks.add(new WeekParts(title.plain(), title.citations(), skills, List.of()));
	}

	/** A part whose every {@code ###} carries a month span lists project levels. */
	private static boolean isLevelGroup(Part part) {
		List<Heading> subsections = part.blocks()
			.stream()
			.filter((block) -> block instanceof Heading heading && heading.getLevel() == 3)
			.map(Heading.class::cast)
			.toList();
		return !subsections.isEmpty()
				&& subsections.stream().allMatch((heading) -> MonthSpans.containsSpan(InlineText.of(heading).plain()));
	}

	private List<Level> levels(Part part) {
		List<Level> levels = new ArrayList<>();
		Heading heading = null;
		List<Node> blocks = new ArrayList<>();
		for (Node block : part.blocks()) {
			if (block instanceof Heading subsection && subsection.getLevel() == 3) {
				addLevel(levels, heading, blocks);
				heading = subsection;
				blocks = new ArrayList<>();
			}
			else {
				blocks.add(block);
			}
		}
		addLevel(levels, heading, blocks);
		return levels;
	}

	private void addLevel(List<Level> levels, Heading heading, List<Node> blocks) {
		if (heading == null) {
			return;
		}
		this.budget.takeWeek(heading);
		InlineText text = InlineText.of(heading);
		MonthSpans.Titled span = MonthSpans.bracketed(text.plain(), Source.line(heading)).orElseThrow();
		Lengths.atMost(span.title(), ContentLimits.WEEK_TITLE, "week title", heading);
		List<String> tasks = new ArrayList<>();
		for (Paragraph paragraph : Bullet.paragraphs(blocks)) {
			String task = InlineText.of(paragraph).plain();
			if (!task.isEmpty()) {
				this.budget.take(paragraph);
				ItemBudget.checkWeek(tasks.size() + 1, paragraph);
				tasks.add(Lengths.atMost(task, ContentLimits.ITEM_TITLE, "project task", paragraph));
			}
		}
		levels.add(new Level(span.months(), Source.line(heading),
				new WeekParts(span.title(), text.citations(), List.of(), tasks)));
	}

	/** After the last phase that ends within the level's months, as one of its weeks. */
	private static void place(Level level, List<PhaseParts> phases) {
		PhaseParts target = null;
		for (PhaseParts phase : phases) {
			int end = phase.months.to();
			if (level.months().from() <= end && end <= level.months().to()) {
				target = phase;
			}
		}
		if (target == null) {
			throw new CurriculumFormatException(level.line(),
					"project level \"" + level.week().title() + "\" (months " + level.months().from() + "-"
							+ level.months().to() + ") fits no phase: no phase ends within those months");
		}
		target.weeks.add(level.week());
	}

	private static final class PhaseParts {

		private final String title;

		private final MonthSpan months;

		private final int line;

		private final List<WeekParts> weeks = new ArrayList<>();

		private String goal = "";

		PhaseParts(String title, MonthSpan months, int line) {
			this.title = title;
			this.months = months;
			this.line = line;
		}

	}

	private record WeekParts(String title, List<Integer> citations, List<SkillDraft> skills, List<String> tasks) {
	}

	private record Level(MonthSpan months, int line, WeekParts week) {
	}

}
