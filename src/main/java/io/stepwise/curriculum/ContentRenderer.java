package io.stepwise.curriculum;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

import org.springframework.stereotype.Component;

/**
 * Turns curriculum Markdown into HTML that is safe to insert unescaped: raw HTML in the
 * source is escaped, links are limited to http(s), mailto and in-page citation anchors,
 * images become their alt text, and citation markers like {@code [12]} link to the
 * curriculum's reference list.
 */
@Component
class ContentRenderer {

	/** Pages put a section's title in an h2, so its Markdown headings start at h3. */
	private static final int SECTION_HEADING_LEVEL = 3;

	/** The intro follows the page's h1, so its Markdown headings start at h2. */
	private static final int INTRO_HEADING_LEVEL = 2;

	private static final Pattern CITATION = Pattern.compile("\\[(\\d{1,4})]");

	private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();

	private final HtmlRenderer blockRenderer = renderer(false);

	private final HtmlRenderer inlineRenderer = renderer(true);

	/** Renders a Markdown document shown under a section heading (informational text). */
	String block(String markdown, Set<Integer> referenceNumbers) {
		return this.blockRenderer.render(prepare(markdown, referenceNumbers, SECTION_HEADING_LEVEL));
	}

	/** Renders a curriculum's intro, shown right under the page's title. */
	String intro(String markdown, Set<Integer> referenceNumbers) {
		return this.blockRenderer.render(prepare(markdown, referenceNumbers, INTRO_HEADING_LEVEL));
	}

	/** Renders one line of Markdown without a wrapping paragraph (a guideline). */
	String inline(String markdown, Set<Integer> referenceNumbers) {
		return this.inlineRenderer.render(prepare(markdown, referenceNumbers, SECTION_HEADING_LEVEL)).strip();
	}

	/**
	 * Parses and makes safe; headings keep their relative levels, shifted so the highest
	 * becomes {@code topLevel}: a page's outline never skips a level because of how a
	 * document happens to start.
	 */
	private Node prepare(String markdown, Set<Integer> referenceNumbers, int topLevel) {
		Node document = this.parser.parse((markdown != null) ? markdown : "");
		int highest = highestHeadingLevel(document);
		document.accept(new SafeTransform(referenceNumbers, topLevel - highest));
		return document;
	}

	private static int highestHeadingLevel(Node document) {
		int[] highest = { 6 };
		document.accept(new AbstractVisitor() {

			@Override
			public void visit(Heading heading) {
				highest[0] = Math.min(highest[0], heading.getLevel());
			}

		});
		return highest[0];
	}

	private static HtmlRenderer renderer(boolean inline) {
		return HtmlRenderer.builder()
			.extensions(List.of(TablesExtension.create()))
			.escapeHtml(true)
			.sanitizeUrls(true)
			.urlSanitizer(new LinkSanitizer())
			.omitSingleParagraphP(inline)
			.attributeProviderFactory((context) -> new ExternalLinkAttributes())
			.build();
	}

	static String citationAnchor(int number) {
		return "ref-" + number;
	}

	private static final class SafeTransform extends AbstractVisitor {

		private final Set<Integer> referenceNumbers;

		private final int headingShift;

		SafeTransform(Set<Integer> referenceNumbers, int headingShift) {
			this.referenceNumbers = referenceNumbers;
			this.headingShift = headingShift;
		}

		@Override
		public void visit(Heading heading) {
			heading.setLevel(Math.min(heading.getLevel() + this.headingShift, 6));
			visitChildren(heading);
		}

		@Override
		public void visit(Image image) {
			StringBuilder alt = new StringBuilder();
			for (Node child = image.getFirstChild(); child != null; child = child.getNext()) {
				if (child instanceof Text text) {
					alt.append(text.getLiteral());
				}
			}
			image.insertBefore(new Text(alt.toString()));
			image.unlink();
		}

		@Override
		public void visit(Link link) {
			// Text inside a link stays as written: links must not nest.
		}

		@Override
		public void visit(Text text) {
			String literal = text.getLiteral();
			Matcher matcher = CITATION.matcher(literal);
			List<Node> replacement = new ArrayList<>();
			int last = 0;
			while (matcher.find()) {
				int number = Integer.parseInt(matcher.group(1));
				if (!this.referenceNumbers.contains(number)) {
					continue;
				}
				if (matcher.start() > last) {
					replacement.add(new Text(literal.substring(last, matcher.start())));
				}
				Link link = new Link("#" + citationAnchor(number), null);
				link.appendChild(new Text(matcher.group()));
				replacement.add(link);
				last = matcher.end();
			}
			if (replacement.isEmpty()) {
				return;
			}
			if (last < literal.length()) {
				replacement.add(new Text(literal.substring(last)));
			}
			replacement.forEach(text::insertBefore);
			text.unlink();
		}

	}

	private static final class LinkSanitizer implements UrlSanitizer {

		@Override
		public String sanitizeLinkUrl(String url) {
			if (url.startsWith("#") || WebLinks.isHttp(url) || url.regionMatches(true, 0, "mailto:", 0, 7)) {
				return url;
			}
			return "";
		}

		@Override
		public String sanitizeImageUrl(String url) {
			return "";
		}

	}

	private static final class ExternalLinkAttributes implements AttributeProvider {

		@Override
		public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
			if (node instanceof Link && WebLinks.isHttp(attributes.get("href"))) {
				attributes.put("rel", "noopener noreferrer");
				attributes.put("target", "_blank");
				attributes.put("aria-describedby", "external-link-hint");
			}
		}

	}

}
