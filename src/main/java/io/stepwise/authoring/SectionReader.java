package io.stepwise.authoring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.stepwise.authoring.Outline.Part;
import io.stepwise.curriculum.ContentLimits;
import io.stepwise.curriculum.CurriculumDraft.ResourceDraft;
import io.stepwise.curriculum.CurriculumDraft.SectionDraft;
import io.stepwise.curriculum.ResourceKind;
import io.stepwise.curriculum.SectionKind;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/**
 * Reads a {@code ##} part that is not about weeks: a resource group when its heading
 * mentions tools or resources, informational Markdown otherwise.
 */
final class SectionReader {

	private final Source source;

	private final ItemBudget budget;

	SectionReader(Source source, ItemBudget budget) {
		this.source = source;
		this.budget = budget;
	}

	List<SectionDraft> read(Part part) {
		return isResourceGroup(part.headingText()) ? resources(part) : List.of(info(part));
	}

	private static boolean isResourceGroup(String heading) {
		String lower = heading.toLowerCase(Locale.ROOT);
		return lower.contains("tool") || lower.contains("resource");
	}

	/**
	 * One section per {@code ###}; bullets before the first one form a section of their
	 * own.
	 */
	private List<SectionDraft> resources(Part part) {
		Lengths.atMost(part.headingText(), ContentLimits.SECTION_PART, "section heading", part.heading());
		List<Integer> partCitations = InlineText.of(part.heading()).citations();
		List<SectionDraft> sections = new ArrayList<>();
		List<Node> blocks = new ArrayList<>();
		Heading current = null;
		for (Node block : part.blocks()) {
			if (block instanceof Heading heading && heading.getLevel() == 3) {
				addResourceSection(sections, part, partCitations, current, blocks);
				current = heading;
				blocks = new ArrayList<>();
			}
			else {
				blocks.add(block);
			}
		}
		addResourceSection(sections, part, partCitations, current, blocks);
		return sections;
	}

	private void addResourceSection(List<SectionDraft> sections, Part part, List<Integer> partCitations,
			Heading heading, List<Node> blocks) {
		List<Bullet> bullets = Bullet.in(blocks);
		if (heading == null && bullets.isEmpty()) {
			return;
		}
		String partTitle = part.headingText();
		String title = Lengths.atMost((heading != null) ? InlineText.of(heading).plain() : partTitle,
				ContentLimits.SECTION_TITLE, "section title", (heading != null) ? heading : part.heading());
		boolean tools = title.toLowerCase(Locale.ROOT).contains("tool");
		Set<Integer> citations = new LinkedHashSet<>(partCitations);
		if (heading != null) {
			citations.addAll(InlineText.of(heading).citations());
		}
		List<ResourceDraft> resources = new ArrayList<>();
		for (Bullet bullet : bullets) {
			this.budget.take(bullet.item());
			String name = Lengths.atMost(bullet.name(), ContentLimits.RESOURCE_TITLE, "resource title", bullet.item());
			String description = Lengths.atMost(bullet.description(), ContentLimits.RESOURCE_DESCRIPTION,
					"resource description", bullet.item());
			resources.add(new ResourceDraft(name, bullet.url(), kind(tools, name), description, bullet.citations()));
		}
		sections.add(new SectionDraft(partTitle, title, SectionKind.RESOURCES, List.copyOf(citations), "", resources));
	}

	private static ResourceKind kind(boolean tools, String name) {
		if (tools) {
			return ResourceKind.TOOL;
		}
		if (name.equalsIgnoreCase("book") || name.equalsIgnoreCase("books")) {
			return ResourceKind.BOOK;
		}
		return ResourceKind.DOCUMENT;
	}

	private SectionDraft info(Part part) {
		String title = Lengths.atMost(part.headingText(), ContentLimits.SECTION_TITLE, "section title", part.heading());
		Lengths.atMost(title, ContentLimits.SECTION_PART, "section heading", part.heading());
		String body = Lengths.atMost(this.source.slice(part.blocks()), ContentLimits.SECTION_BODY, "section text",
				Source.line(part.blocks(), part.line()));
		// Markers in the body stay in its text, where they are shown and linked.
		return new SectionDraft(title, title, SectionKind.INFO, InlineText.of(part.heading()).citations(), body,
				List.of());
	}

}
