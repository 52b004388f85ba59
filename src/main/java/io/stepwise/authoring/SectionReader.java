package io.stepwise.authoring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.stepwise.authoring.Outline.Part;
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
		String partTitle = part.headingText();
		List<Integer> partCitations = InlineText.of(part.heading()).citations();
		List<SectionDraft> sections = new ArrayList<>();
		List<Node> blocks = new ArrayList<>();
		Heading current = null;
		for (Node block : part.blocks()) {
			if (block instanceof Heading heading && heading.getLevel() == 3) {
				addResourceSection(sections, partTitle, partCitations, current, blocks);
				current = heading;
				blocks = new ArrayList<>();
			}
			else {
				blocks.add(block);
			}
		}
		addResourceSection(sections, partTitle, partCitations, current, blocks);
		return sections;
	}

	private void addResourceSection(List<SectionDraft> sections, String partTitle, List<Integer> partCitations,
			Heading heading, List<Node> blocks) {
		List<Bullet> bullets = Bullet.in(blocks);
		if (heading == null && bullets.isEmpty()) {
			return;
		}
		String title = (heading != null) ? InlineText.of(heading).plain() : partTitle;
		boolean tools = title.toLowerCase(Locale.ROOT).contains("tool");
		Set<Integer> citations = new LinkedHashSet<>(partCitations);
		if (heading != null) {
			citations.addAll(InlineText.of(heading).citations());
		}
		List<ResourceDraft> resources = new ArrayList<>();
		for (Bullet bullet : bullets) {
			this.budget.take(bullet.item());
			resources.add(new ResourceDraft(bullet.name(), bullet.url(), kind(tools, bullet.name()),
					bullet.description(), bullet.citations()));
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
		String title = part.headingText();
		// Markers in the body stay in its text, where they are shown and linked.
		return new SectionDraft(title, title, SectionKind.INFO, InlineText.of(part.heading()).citations(),
				this.source.slice(part.blocks()), List.of());
	}

}
