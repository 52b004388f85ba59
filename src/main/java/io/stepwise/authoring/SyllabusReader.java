package io.stepwise.authoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.stepwise.authoring.Outline.Part;
import io.stepwise.curriculum.ContentLimits;
import io.stepwise.curriculum.CurriculumDraft.PhaseDraft;
import io.stepwise.curriculum.CurriculumDraft.ResourceDraft;
import io.stepwise.curriculum.CurriculumDraft.SectionDraft;
import io.stepwise.curriculum.CurriculumDraft.SkillDraft;
import io.stepwise.curriculum.CurriculumDraft.WeekDraft;
import io.stepwise.curriculum.CurriculumShape;
import io.stepwise.curriculum.ResourceKind;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/**
 * Reads the syllabus shape: a {@code ## Month N – Title} part per phase with a
 * {@code **Goal:**} paragraph and a table holding a row per week.
 */
final class SyllabusReader {

	private static final Pattern GOAL = Pattern.compile("(?i)^goals?\\s*:\\s*");

	/** What is left between two links: "[A](…) and [B](…)", "[A](…) / [B](…)". */
	private static final Pattern STRAY_PUNCTUATION = Pattern.compile("^[\\s&+/;:|–—-]+|[\\s&+/;:|–—-]+$");

	private static final Pattern CONNECTOR = Pattern.compile("(?i)^(?:and|or)(?:\\s+|$)|\\s+(?:and|or)$");

	private static final Pattern WEEK_NUMBER = Pattern.compile("\\d{1,6}");

	private static final List<String> REQUIRED_COLUMNS = List.of("week", "skills", "resources", "project tasks");

	private static final List<String> TITLE_COLUMNS = List.of("title", "topic");

	private final ItemBudget budget;

	private final SectionReader sections;

	private int weeks;

	SyllabusReader(Source source, ItemBudget budget) {
		this.budget = budget;
		this.sections = new SectionReader(source, budget);
	}

	static boolean recognises(List<Part> parts) {
		return parts.stream().anyMatch((part) -> MonthSpans.startsWithSpan(part.headingText()));
	}

	Body read(List<Part> parts) {
		List<PhaseDraft> phases = new ArrayList<>();
		List<SectionDraft> sections = new ArrayList<>();
		for (Part part : parts) {
			Optional<MonthSpans.Titled> month = MonthSpans.leading(part.headingText(), part.line());
			if (month.isPresent()) {
				phases.add(phase(part, month.get()));
			}
			else {
				sections.addAll(this.sections.read(part));
			}
		}
		return new Body(phases, sections, this.weeks, CurriculumShape.SYLLABUS);
	}

	private PhaseDraft phase(Part part, MonthSpans.Titled month) {
		Lengths.atMost(month.title(), ContentLimits.PHASE_TITLE, "phase title", part.heading());
		String goal = "";
		List<WeekDraft> weeks = new ArrayList<>();
		for (Node block : part.blocks()) {
			if (block instanceof Paragraph && goal.isEmpty()) {
				String text = InlineText.of(block).plain();
				if (GOAL.matcher(text).find()) {
					goal = Lengths.atMost(GOAL.matcher(text).replaceFirst(""), ContentLimits.PHASE_GOAL, "phase goal",
							block);
				}
			}
			else if (block instanceof TableBlock table) {
				weeks.addAll(weeks(table));
			}
		}
		if (weeks.isEmpty()) {
			throw new CurriculumFormatException(part.line(),
					"phase \"" + month.title() + "\" has no weeks; add a table with a row per week");
		}
		return new PhaseDraft(month.title(), goal, month.months(), weeks);
	}

	private List<WeekDraft> weeks(TableBlock table) {
		Map<String, Integer> columns = columns(table);
		List<WeekDraft> weeks = new ArrayList<>();
		for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
			if (section instanceof TableBody) {
				for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
					if (row instanceof TableRow tableRow) {
						weeks.add(week(tableRow, columns));
					}
				}
			}
		}
		return weeks;
	}

	private static Map<String, Integer> columns(TableBlock table) {
		Map<String, Integer> columns = new HashMap<>();
		Node head = table.getFirstChild();
		if (head instanceof TableHead && head.getFirstChild() instanceof TableRow row) {
			int index = 0;
			for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
				columns.putIfAbsent(InlineText.of(cell).plain().toLowerCase(Locale.ROOT), index++);
			}
		}
		for (String required : REQUIRED_COLUMNS) {
			if (!columns.containsKey(required)) {
				throw new CurriculumFormatException(Source.line(table), "the table has no \"" + required
						+ "\" column; a week table needs the columns Week, Skills, Resources and Project Tasks");
			}
		}
		return columns;
	}

	private WeekDraft week(TableRow row, Map<String, Integer> columns) {
		int line = Source.line(row);
		String numberText = cell(row, columns.get("week")).plain();
		if (!WEEK_NUMBER.matcher(numberText).matches()) {
			throw new CurriculumFormatException(line, "week number \"" + numberText + "\" is not a number");
		}
		int number = Integer.parseInt(numberText);
		if (number != this.weeks + 1) {
			throw new CurriculumFormatException(line,
					"week " + number + " is out of order; expected week " + (this.weeks + 1));
		}
		this.weeks++;
		this.budget.takeWeek(row);
		InlineText title = TITLE_COLUMNS.stream()
			.filter(columns::containsKey)
			.findFirst()
			.map((name) -> cell(row, columns.get(name)))
			.orElse(null);
		String titleText = (title != null) ? title.plain() : "";
		Lengths.atMost(titleText, ContentLimits.WEEK_TITLE, "week title", row);
		List<SkillDraft> skills = skills(row, cell(row, columns.get("skills")));
		List<String> tasks = tasks(row, cell(row, columns.get("project tasks")));
		ItemBudget.checkWeek(skills.size() + tasks.size(), row);
		return new WeekDraft(number, titleText, (title != null) ? title.citations() : List.of(), skills,
				resources(row, cellNode(row, columns.get("resources"))), tasks);
	}

	private List<SkillDraft> skills(TableRow row, InlineText cell) {
		List<SkillDraft> skills = new ArrayList<>();
		for (InlineText piece : CellSplitter.onCommasOutsideParentheses(cell)) {
			this.budget.take(row);
			String name = Lengths.atMost(piece.plain(), ContentLimits.ITEM_TITLE, "skill name", row);
			skills.add(new SkillDraft(name, "", piece.citations()));
		}
		return skills;
	}

	/**
	 * Links are resources with a URL; the plain text between them names resources without
	 * one.
	 */
	private List<ResourceDraft> resources(TableRow row, Node cell) {
		List<ResourceDraft> resources = new ArrayList<>();
		if (cell == null) {
			return resources;
		}
		List<Node> between = new ArrayList<>();
		for (Node node = cell.getFirstChild(); node != null; node = node.getNext()) {
			if (node instanceof Link link) {
				addNamed(row, between, resources);
				between.clear();
				InlineText title = InlineText.of(link);
				this.budget.take(row);
				String name = Lengths.atMost(title.plain(), ContentLimits.RESOURCE_TITLE, "resource title", row);
				resources
					.add(new ResourceDraft(name, link.getDestination(), ResourceKind.DOCUMENT, "", title.citations()));
			}
			else {
				between.add(node);
			}
		}
		addNamed(row, between, resources);
		return resources;
	}

	private void addNamed(TableRow row, List<Node> nodes, List<ResourceDraft> resources) {
		for (InlineText piece : CellSplitter.onCommasOutsideParentheses(InlineText.of(nodes))) {
			String title = STRAY_PUNCTUATION.matcher(piece.plain()).replaceAll("");
			title = CONNECTOR.matcher(title).replaceAll("");
			if (!title.isEmpty()) {
				this.budget.take(row);
				Lengths.atMost(title, ContentLimits.RESOURCE_TITLE, "resource title", row);
				resources.add(new ResourceDraft(title, null, ResourceKind.DOCUMENT, "", piece.citations()));
			}
		}
	}

	private List<String> tasks(TableRow row, InlineText cell) {
		List<String> tasks = new ArrayList<>();
		for (InlineText item : CellSplitter.onNumbering(cell)) {
			this.budget.take(row);
			tasks.add(Lengths.atMost(item.plain(), ContentLimits.ITEM_TITLE, "project task", row));
		}
		return tasks;
	}

	private static InlineText cell(TableRow row, int index) {
		Node cell = cellNode(row, index);
		return (cell != null) ? InlineText.of(cell) : InlineText.of(List.of());
	}

	private static Node cellNode(TableRow row, int index) {
		Node cell = row.getFirstChild();
		for (int i = 0; i < index && cell != null; i++) {
			cell = cell.getNext();
		}
		return (cell instanceof TableCell) ? cell : null;
	}

}
