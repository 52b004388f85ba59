package io.stepwise.authoring;

import java.util.ArrayList;
import java.util.List;

import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;

/**
 * A list item read as {@code **Name**: description[n]}. Without a bold name followed by a
 * colon the whole text is the name.
 *
 * @param url the first link's URL, or {@code null}
 */
record Bullet(Node item, String name, String description, List<Integer> citations, String url) {

	/** The items of the top-level lists among blocks, skipping empty items. */
	static List<Bullet> in(List<Node> blocks) {
		List<Bullet> bullets = new ArrayList<>();
		for (Paragraph paragraph : paragraphs(blocks)) {
			Bullet bullet = of(paragraph.getParent(), paragraph);
			if (!bullet.name().isEmpty()) {
				bullets.add(bullet);
			}
		}
		return bullets;
	}

	/** The first paragraph of each item of the top-level lists among blocks. */
	static List<Paragraph> paragraphs(List<Node> blocks) {
		List<Paragraph> paragraphs = new ArrayList<>();
		for (Node block : blocks) {
			if (block instanceof ListBlock) {
				for (Node item = block.getFirstChild(); item != null; item = item.getNext()) {
					if (item instanceof ListItem && item.getFirstChild() instanceof Paragraph paragraph) {
						paragraphs.add(paragraph);
					}
				}
			}
		}
		return paragraphs;
	}

	static Bullet of(Node item, Paragraph paragraph) {
		InlineText whole = InlineText.of(paragraph);
		String url = firstLink(paragraph);
		if (paragraph.getFirstChild() instanceof StrongEmphasis strong) {
			String name = InlineText.of(strong).plain();
			List<Node> rest = new ArrayList<>();
			for (Node node = strong.getNext(); node != null; node = node.getNext()) {
				rest.add(node);
			}
			String description = InlineText.of(rest).plain();
			if (name.endsWith(":")) {
				name = name.substring(0, name.length() - 1).strip();
			}
			else if (description.startsWith(":")) {
				description = description.substring(1).strip();
			}
			else {
				name = "";
			}
			if (!name.isEmpty()) {
				return new Bullet(item, name, description, whole.citations(), url);
			}
		}
		return new Bullet(item, whole.plain(), "", whole.citations(), url);
	}

	private static String firstLink(Node parent) {
		for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
			if (child instanceof Link link) {
				return link.getDestination();
			}
			String nested = firstLink(child);
			if (nested != null) {
				return nested;
			}
		}
		return null;
	}

}
