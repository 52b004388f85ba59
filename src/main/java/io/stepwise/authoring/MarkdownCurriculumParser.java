package io.stepwise.authoring;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import io.stepwise.curriculum.ContentLimits;
import io.stepwise.curriculum.CurriculumDraft;
import io.stepwise.curriculum.CurriculumDraft.ReferenceDraft;
import io.stepwise.system.PlainText;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads a curriculum from Markdown written in one of two shapes: a <em>syllabus</em>
 * ({@code ## Month N – Title} parts, each with a {@code **Goal:**} line and a table with
 * a row per week) or a <em>roadmap</em> ({@code ##} phases carrying a month span such as
 * {@code (Month 1-2)}, {@code ###} sections as weeks, {@code - **Name**: description[n]}
 * bullets as skills, and a closing list of numbered references).
 * <p>
 * A parse either returns a complete draft or throws {@link CurriculumFormatException}
 * naming the offending line. Instances are stateless and safe to share between threads.
 */
public class MarkdownCurriculumParser {

	/** The largest document accepted, in bytes of UTF-8 (or chars for text input). */
	public static final int MAX_DOCUMENT_SIZE = 1024 * 1024;

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private final Parser parser = Parser.builder()
		.extensions(List.of(TablesExtension.create()))
		.includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
		.build();

	/**
	 * Reads a curriculum from raw bytes, which must be UTF-8.
	 * @param slug the curriculum's URL name, e.g. derived from the file name
	 * @param content the document
	 * @return the curriculum as read
	 * @throws CurriculumFormatException if the content is too large, not UTF-8, or not a
	 * curriculum
	 * @throws IllegalArgumentException if the slug is not lowercase words joined by
	 * hyphens
	 */
	public CurriculumDraft parse(String slug, byte[] content) {
		return parse(slug, text(content));
	}

	/**
	 * The text of a document given as bytes: at most {@link #MAX_DOCUMENT_SIZE} of strict
	 * UTF-8. Other encodings are refused rather than guessed; a byte-order mark is
	 * allowed and dropped when the text is parsed.
	 * @throws CurriculumFormatException if the content is too large or not UTF-8
	 */
	static String text(byte[] content) {
		Objects.requireNonNull(content, "content");
		if (content.length > MAX_DOCUMENT_SIZE) {
			throw tooLarge();
		}
		return decode(content);
	}

	/** Whether a slug can name a curriculum, as {@link #parse} requires. */
	static boolean isSlug(String slug) {
		return slug != null && SLUG.matcher(slug).matches() && slug.length() <= ContentLimits.SLUG;
	}

	/**
	 * Reads a curriculum from Markdown text.
	 * @param slug the curriculum's URL name, e.g. derived from the file name
	 * @param markdown the document
	 * @return the curriculum as read
	 * @throws CurriculumFormatException if the text is too large or not a curriculum
	 * @throws IllegalArgumentException if the slug is not lowercase words joined by
	 * hyphens
	 */
	public CurriculumDraft parse(String slug, String markdown) {
		Objects.requireNonNull(slug, "slug");
		Objects.requireNonNull(markdown, "markdown");
		if (!isSlug(slug)) {
			throw new IllegalArgumentException("Slug '" + slug + "' must be lowercase letters and digits, words joined"
					+ " by single hyphens, at most " + ContentLimits.SLUG + " characters");
		}
		if (markdown.length() > MAX_DOCUMENT_SIZE) {
			throw tooLarge();
		}
		refuseControlCharacters(markdown);
		Source source = new Source(normalise(markdown));
		Node document = this.parser.parse(source.text());
		DocumentChecks.nesting(document);
		DocumentChecks.links(document);
		ItemBudget budget = new ItemBudget();
		Outline outline = new OutlineReader(source, budget).read(document);
		Set<Integer> referenceNumbers = new HashSet<>();
		outline.references().stream().map(ReferenceDraft::number).forEach(referenceNumbers::add);
		DocumentChecks.citations(document, referenceNumbers, !outline.references().isEmpty());
		Body body = body(outline, source, budget);
		return new CurriculumDraft(slug, outline.title(), outline.intro(), outline.guidelines(), body.phases(),
				body.sections(), outline.references(), body.plannedWeeks(), body.shape());
	}

	private static Body body(Outline outline, Source source, ItemBudget budget) {
		if (SyllabusReader.recognises(outline.parts())) {
			return new SyllabusReader(source, budget).read(outline.parts());
		}
		if (RoadmapReader.recognises(outline.parts())) {
			return new RoadmapReader(source, budget).read(outline.parts());
		}
		throw new CurriculumFormatException(Source.line(outline.titleHeading()),
				"no phases found; write \"## Month 1 – Title\" parts with a week table (syllabus)"
						+ " or \"## Title (Month 1-2)\" parts with ### sections (roadmap)");
	}

	/**
	 * The rule of every multi-line text the portal takes ({@link PlainText}): no control
	 * character but tab and line breaks, no text-direction override. A NUL, which no
	 * database column takes, is one of them.
	 */
	private static void refuseControlCharacters(String markdown) {
		int at = PlainText.Validator.firstRefused(markdown, true);
		if (at >= 0) {
			int line = (int) markdown.substring(0, at).chars().filter((c) -> c == '\n').count() + 1;
			int c = markdown.codePointAt(at);
			String what = (c == 0) ? "a NUL character; it is not a text file"
					: ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
							? String.format("a text-direction control (U+%04X); remove it", c)
							: String.format("a control character (U+%04X); remove it", c);
			throw new CurriculumFormatException(line, "the document contains " + what);
		}
	}

	/** One line-ending style and no byte-order mark, so source spans slice cleanly. */
	private static String normalise(String markdown) {
		String text = markdown.startsWith("\uFEFF") ? markdown.substring(1) : markdown;
		return text.replace("\r\n", "\n").replace('\r', '\n');
	}

	private static String decode(byte[] content) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(content);
		CharBuffer out = CharBuffer.allocate(content.length);
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError()) {
			result = decoder.flush(out);
		}
		if (result.isError()) {
			throw new CurriculumFormatException(lineOf(content, in.position()),
					"the file is not valid UTF-8 (bad byte sequence at byte " + in.position() + ")");
		}
		return out.flip().toString();
	}

	private static int lineOf(byte[] content, int position) {
		int line = 1;
		for (int i = 0; i < position; i++) {
			if (content[i] == '\n') {
				line++;
			}
		}
		return line;
	}

	static CurriculumFormatException tooLarge() {
		return new CurriculumFormatException(1,
				"the document is larger than " + (MAX_DOCUMENT_SIZE / 1024) + " KiB; split it or shorten it");
	}

}
