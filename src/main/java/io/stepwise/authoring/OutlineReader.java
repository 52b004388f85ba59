package io.stepwise.authoring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.stepwise.authoring.Outline.Part;
import io.stepwise.curriculum.ContentLimits;
import io.stepwise.curriculum.CurriculumDraft.ReferenceDraft;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/** Cuts a parsed document into an {@link Outline}. */
final class OutlineReader {

	private final Source source;

	private final ItemBudget budget;

	OutlineReader(Source source, ItemBudget budget) {
		this.source = source;
		this.budget = budget;
	}

	Outline read(Node document) {
		List<Node> top = children(document);
		int titleIndex = titleIndex(top);
		Heading title = (Heading) top.get(titleIndex);
		String titleText = Lengths.atMost(InlineText.of(title).plain(), ContentLimits.CURRICULUM_TITLE, "title", title);
		int referencesStart = referencesStart(top, titleIndex);
		List<ReferenceDraft> references = references(top.subList(referencesStart, top.size()));
		List<String> guidelines = new ArrayList<>();
		List<Node> body = withoutGuidelines(top.subList(titleIndex + 1, referencesStart), guidelines);
		List<Node> introAfterTitle = new ArrayList<>();
		List<Part> parts = new ArrayList<>();
		for (Node block : body) {
			if (block instanceof Heading heading && heading.getLevel() == 2) {
				parts.add(new Part(heading, new ArrayList<>()));
			}
			else if (parts.isEmpty()) {
				introAfterTitle.add(block);
			}
			else {
				parts.get(parts.size() - 1).blocks().add(block);
			}
		}
		parts = guidelineParts(parts, guidelines);
		if (!references.isEmpty() && !parts.isEmpty() && isEmpty(parts.get(parts.size() - 1))) {
			// a heading such as "## References" that only introduces the list
			parts.remove(parts.size() - 1);
		}
		String intro = join(this.source.slice(top.subList(0, titleIndex)), this.source.slice(introAfterTitle));
		List<Node> introBlocks = new ArrayList<>(top.subList(0, titleIndex));
		introBlocks.addAll(introAfterTitle);
		Lengths.atMost(intro, ContentLimits.INTRO, "introduction", Source.line(introBlocks, Source.line(title)));
		return new Outline(titleText, title, intro, guidelines, parts, references);
	}

	private static int titleIndex(List<Node> top) {
		int titleIndex = -1;
		for (int i = 0; i < top.size(); i++) {
			if (top.get(i) instanceof Heading heading && heading.getLevel() == 1) {
				if (titleIndex >= 0) {
					throw new CurriculumFormatException(Source.line(heading),
							"the document has a second # title; use ## and ### below the title");
				}
				titleIndex = i;
			}
		}
		if (titleIndex < 0) {
			throw new CurriculumFormatException(1, "the document has no # title");
		}
		return titleIndex;
	}

	/** The reference list is the run of link-only paragraphs that ends the document. */
	private static int referencesStart(List<Node> top, int titleIndex) {
		int start = top.size();
		for (int i = top.size() - 1; i > titleIndex; i--) {
			Node block = top.get(i);
			if (isReferenceParagraph(block)) {
				start = i;
			}
			else if (!(block instanceof ThematicBreak || block instanceof LinkReferenceDefinition)) {
				break;
			}
		}
		return start;
	}

	private static boolean isReferenceParagraph(Node block) {
		if (!(block instanceof Paragraph)) {
			return false;
		}
		boolean hasLink = false;
		for (Node child = block.getFirstChild(); child != null; child = child.getNext()) {
			if (child instanceof Link link && referenceNumber(link) != null) {
				hasLink = true;
			}
			else if (!(child instanceof SoftLineBreak || child instanceof HardLineBreak
					|| (child instanceof Text text && text.getLiteral().isBlank()))) {
				return false;
			}
		}
		return hasLink;
	}

	private static Integer referenceNumber(Link link) {
		String text = InlineText.of(link).plain();
		return text.matches("\\d{1,9}") ? Integer.valueOf(text) : null;
	}

	private List<ReferenceDraft> references(List<Node> blocks) {
		List<ReferenceDraft> references = new ArrayList<>();
		Set<Integer> numbers = new HashSet<>();
		for (Node block : blocks) {
			for (Node child = block.getFirstChild(); child != null; child = child.getNext()) {
				if (child instanceof Link link) {
					int number = referenceNumber(link);
					if (!numbers.add(number)) {
						throw new CurriculumFormatException(Source.line(link),
								"reference " + number + " is listed twice");
					}
					DocumentChecks.requireHttp(link.getDestination(), link);
					this.budget.take(link);
					references.add(new ReferenceDraft(number, link.getDestination()));
				}
			}
		}
		return references;
	}

	/** Takes out "How to use…" labels and the list after each, collecting the items. */
	private List<Node> withoutGuidelines(List<Node> blocks, List<String> guidelines) {
		List<Node> rest = new ArrayList<>();
		for (int i = 0; i < blocks.size(); i++) {
			Node block = blocks.get(i);
			boolean partHeading = block instanceof Heading heading && heading.getLevel() == 2;
			if (!partHeading && isGuidelinesLabel(block) && i + 1 < blocks.size()
					&& blocks.get(i + 1) instanceof ListBlock list) {
				addGuidelines(list, guidelines);
				i++;
			}
			else {
				rest.add(block);
			}
		}
		return rest;
	}

	/** A "## How to Use…" part gives its lists as guidelines and is not a part itself. */
	private List<Part> guidelineParts(List<Part> parts, List<String> guidelines) {
		List<Part> rest = new ArrayList<>();
		for (Part part : parts) {
			if (isGuidelinesLabel(part.heading())) {
				part.blocks()
					.stream()
					.filter(ListBlock.class::isInstance)
					.forEach((list) -> addGuidelines((ListBlock) list, guidelines));
			}
			else {
				rest.add(part);
			}
		}
		return rest;
	}

	private static boolean isGuidelinesLabel(Node block) {
		if (!(block instanceof Paragraph || block instanceof Heading)) {
			return false;
		}
		String text = InlineText.of(block).plain().replaceFirst("^[^\\p{L}]+", "");
		return text.toLowerCase(Locale.ROOT).startsWith("how to use");
	}

	private void addGuidelines(ListBlock list, List<String> guidelines) {
		for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
			if (item instanceof ListItem && item.getFirstChild() instanceof Paragraph paragraph) {
				this.budget.take(item);
				String guideline = this.source.inline(paragraph);
				guidelines.add(Lengths.atMost(guideline, ContentLimits.GUIDELINE, "guideline", item));
			}
		}
	}

	private static boolean isEmpty(Part part) {
		return part.blocks().stream().allMatch(ThematicBreak.class::isInstance);
	}

	private static List<Node> children(Node parent) {
		List<Node> children = new ArrayList<>();
		for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
			children.add(child);
		}
		return children;
	}

	private static String join(String first, String second) {
		if (first.isEmpty() || second.isEmpty()) {
			return first + second;
		}
		return first + "\n\n" + second;
	}

}
