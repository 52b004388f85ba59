package io.stepwise.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.stepwise.authoring.MarkdownCurriculumParser;
import io.stepwise.curriculum.CurriculumDraft;
import io.stepwise.curriculum.CurriculumDraft.ResourceDraft;
import io.stepwise.curriculum.CurriculumDraft.SkillDraft;
import io.stepwise.curriculum.CurriculumDraft.WeekDraft;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The two documents that ship with the portal, read with the real parser: what a page
 * must show is what the document says, not a copy of it in a test.
 */
public final class BundledDocuments {

	public static final String SYLLABUS = "django-24-week-syllabus";

	public static final String ROADMAP = "django-12-month-roadmap";

	private static final Parser MARKDOWN = Parser.builder().build();

	private BundledDocuments() {
	}

	public static Stream<String> slugs() {
		return Stream.of(SYLLABUS, ROADMAP);
	}

	/** The document as shipped in the application, under {@code curricula/}. */
	public static byte[] source(String slug) {
		String resource = "curricula/" + slug + ".md";
		try (InputStream in = BundledDocuments.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("The application does not ship " + resource);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static CurriculumDraft draft(String slug) {
		return new MarkdownCurriculumParser().parse(slug, source(slug));
	}

	public static List<WeekDraft> weeks(CurriculumDraft draft) {
		return draft.phases().stream().flatMap((phase) -> phase.weeks().stream()).toList();
	}

	public static List<SkillDraft> skills(CurriculumDraft draft) {
		return weeks(draft).stream().flatMap((week) -> week.skills().stream()).toList();
	}

	public static List<String> tasks(CurriculumDraft draft) {
		return weeks(draft).stream().flatMap((week) -> week.tasks().stream()).toList();
	}

	/** Resources of the weeks and of the curriculum-level sections. */
	public static List<ResourceDraft> resources(CurriculumDraft draft) {
		return Stream
			.concat(weeks(draft).stream().flatMap((week) -> week.resources().stream()),
					draft.sections().stream().flatMap((section) -> section.resources().stream()))
			.toList();
	}

	/**
	 * The text a reader sees of a Markdown snippet: emphasis and link syntax gone, line
	 * breaks as spaces.
	 */
	public static String plainText(String markdown) {
		return String.join("", runs(markdown)).replaceAll("\\s+", " ").strip();
	}

	/**
	 * The separate runs of text of a Markdown document (each a text node of the rendered
	 * HTML), trimmed and without empty ones.
	 */
	public static List<String> textRuns(String markdown) {
		return runs(markdown).stream().map(String::strip).filter((run) -> !run.isEmpty()).toList();
	}

	private static List<String> runs(String markdown) {
		List<String> runs = new ArrayList<>();
		Node document = MARKDOWN.parse(markdown);
		document.accept(new AbstractVisitor() {

			@Override
			public void visit(Text text) {
				runs.add(text.getLiteral());
			}

			@Override
			public void visit(Code code) {
				runs.add(code.getLiteral());
			}

			@Override
			public void visit(SoftLineBreak softLineBreak) {
				runs.add(" ");
			}

			@Override
			public void visit(HardLineBreak hardLineBreak) {
				runs.add(" ");
			}

		});
		return runs;
	}

}
