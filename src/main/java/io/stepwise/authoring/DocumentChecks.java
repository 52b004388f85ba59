package io.stepwise.authoring;

import java.util.Set;
import java.util.function.Consumer;

import io.stepwise.curriculum.ContentLimits;
import io.stepwise.curriculum.WebLinks;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/** Whole-document rules that hold wherever a node sits. */
final class DocumentChecks {

	static final int MAX_CONTAINER_DEPTH = 8;

	static final int MAX_NODE_DEPTH = 64;

	private DocumentChecks() {
	}

	/**
	 * Refuses deep nesting before anything walks the tree recursively; the walk here is
	 * iterative because the tree under test is the untrusted one.
	 */
	static void nesting(Node document) {
		forEach(document, (node) -> {
			int depth = 0;
			int containers = 0;
			for (Node current = node; current != document; current = current.getParent()) {
				depth++;
				if (current instanceof BlockQuote || current instanceof ListBlock) {
					containers++;
				}
			}
			if (containers > MAX_CONTAINER_DEPTH) {
				throw new CurriculumFormatException(Source.line(node),
						"lists and block quotes are nested more than " + MAX_CONTAINER_DEPTH + " levels deep");
			}
			if (depth > MAX_NODE_DEPTH) {
				throw new CurriculumFormatException(Source.line(node), "content is nested too deeply");
			}
		});
	}

	/** Every link, image and link definition must point to an http(s) URL. */
	static void links(Node document) {
		forEach(document, (node) -> {
			String destination = null;
			if (node instanceof Link link) {
				destination = link.getDestination();
			}
			else if (node instanceof Image image) {
				destination = image.getDestination();
			}
			else if (node instanceof LinkReferenceDefinition definition) {
				if (definition.getLabel().strip().matches("\\d+")) {
					// "[1]" markers would silently become links and stop being citations
					throw new CurriculumFormatException(Source.line(node), "reference [" + definition.getLabel()
							+ "] is written as a link definition; list references as \"[1](https://…)\" lines at the end");
				}
				destination = definition.getDestination();
			}
			if (destination != null) {
				requireHttp(destination, node);
			}
		});
	}

	/**
	 * Applies the rule storage applies ({@link WebLinks#isHttp}), so a link that passes
	 * here cannot be refused when the curriculum is stored.
	 */
	static void requireHttp(String url, Node at) {
		if (!WebLinks.isHttp(url)) {
			String length = (url.length() > ContentLimits.URL) ? " of at most " + ContentLimits.URL + " characters"
					: "";
			throw new CurriculumFormatException(Source.line(at),
					"link \"" + abbreviate(url) + "\" is not an http or https URL" + length);
		}
	}

	/**
	 * Every citation marker must name a listed reference; without a reference list a
	 * marker cannot point anywhere.
	 */
	static void citations(Node document, Set<Integer> references, boolean hasReferences) {
		forEach(document, (node) -> {
			if (node instanceof Paragraph || node instanceof Heading || node instanceof TableCell) {
				for (InlineText.Citation marker : InlineText.of(node).markers()) {
					if (!hasReferences) {
						throw new CurriculumFormatException(marker.line(), "citation [" + marker.number()
								+ "] has no reference; the document has no reference list");
					}
					if (!references.contains(marker.number())) {
						throw new CurriculumFormatException(marker.line(),
								"citation [" + marker.number() + "] has no matching reference");
					}
				}
			}
		});
	}

	/** Visits every node below root in document order. */
	static void forEach(Node root, Consumer<Node> action) {
		Node node = root.getFirstChild();
		while (node != null) {
			action.accept(node);
			if (node.getFirstChild() != null) {
				node = node.getFirstChild();
				continue;
			}
			while (node != null && node != root && node.getNext() == null) {
				node = node.getParent();
			}
			node = (node == null || node == root) ? null : node.getNext();
		}
	}

	private static String abbreviate(String url) {
		return (url.length() > 80) ? url.substring(0, 77) + "..." : url;
	}

}
