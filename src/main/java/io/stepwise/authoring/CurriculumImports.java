package io.stepwise.authoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.stepwise.curriculum.CurriculumChanges;
import io.stepwise.curriculum.CurriculumChanges.Change;
import io.stepwise.curriculum.CurriculumCounts;
import io.stepwise.curriculum.CurriculumDraft;
import io.stepwise.curriculum.CurriculumDraft.PhaseDraft;
import io.stepwise.curriculum.CurriculumDraft.ReferenceDraft;
import io.stepwise.curriculum.CurriculumDraft.ResourceDraft;
import io.stepwise.curriculum.CurriculumDraft.SectionDraft;
import io.stepwise.curriculum.CurriculumDraft.WeekDraft;
import io.stepwise.curriculum.CurriculumLibrary;
import io.stepwise.curriculum.CurriculumRevisions;
import io.stepwise.curriculum.CurriculumRevisions.Comparison;
import io.stepwise.curriculum.CurriculumRevisions.Revise;
import io.stepwise.curriculum.CurriculumRevisions.Revised;
import io.stepwise.curriculum.CurriculumShape;
import io.stepwise.curriculum.RevisionRefusedException;
import io.stepwise.system.Audited;
import io.stepwise.system.CommittedCounter;
import io.stepwise.system.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports of Markdown documents in two steps: a preview of what the document holds and,
 * for a curriculum already stored, what it would change; then the change, in one
 * transaction, or nothing. A preview is kept with the document's text and the
 * curriculum's version, so the change applied is the one previewed or none at all.
 * Previews belong to the admin who made them and expire after a day.
 */
@Service
class CurriculumImports {

	static final Duration LIFETIME = Duration.ofHours(24);

	/** Previews an admin keeps at once; older ones go when a new one is made. */
	static final int KEPT_PER_ADMIN = 10;

	private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,9})]");

	/** The audit log keeps at most this much text of a change. */
	private static final int AUDIT_TEXT = 19_000;

	private final MarkdownCurriculumParser parser;

	private final CurriculumRevisions revisions;

	private final CurriculumLibrary library;

	private final CurriculumImportRepository imports;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final CommittedCounter appliedImports;

	CurriculumImports(MarkdownCurriculumParser parser, CurriculumRevisions revisions, CurriculumLibrary library,
			CurriculumImportRepository imports, ApplicationEventPublisher events, Clock clock, MeterRegistry meters) {
		this.parser = parser;
		this.revisions = revisions;
		this.library = library;
		this.imports = imports;
		this.events = events;
		this.clock = clock;
		this.appliedImports = new CommittedCounter(meters, "stepwise.imports", "Curriculum imports applied by admins");
	}

	/**
	 * Reads the document and keeps it as a preview; nothing is kept when it cannot be
	 * read.
	 * @throws CurriculumFormatException naming the line of what cannot be read
	 * @throws ImportRefusedException if the slug is not one, or the document would take
	 * progress away
	 */
	@Transactional
	ImportPreview preview(NewImport command) {
		if (!MarkdownCurriculumParser.isSlug(command.slug())) {
			throw new ImportRefusedException("The slug \"" + abbreviate(command.slug())
					+ "\" must be lowercase letters and digits, words joined by single hyphens, at most 100 characters.");
		}
		String text = MarkdownCurriculumParser.text(command.content());
		CurriculumDraft draft = this.parser.parse(command.slug(), text);
		Optional<Comparison> comparison = compare(draft);
		Instant now = this.clock.instant();
		expire(command.adminId(), now);
		CurriculumImport stored = this.imports
			.save(new CurriculumImport(draft.slug(), comparison.map(Comparison::curriculumId).orElse(null),
					comparison.map(Comparison::version).orElse(null), FileNames.shown(command.fileName()), text,
					BundledCurricula.sha256(command.content()), command.adminId(), now));
		return view(stored, draft, comparison);
	}

	/**
	 * A preview as it stands now: against the curriculum as it is, saying whether it
	 * changed since.
	 */
	@Transactional(readOnly = true)
	ImportPreview preview(long id, long adminId) {
		CurriculumImport stored = own(id, adminId);
		CurriculumDraft draft = this.parser.parse(stored.getSlug(), stored.getSource());
		return view(stored, draft, compare(draft));
	}

	/**
	 * Applies a preview: creates the curriculum, or revises it if it is still at the
	 * version previewed. The preview is used up either way, unless the change is refused.
	 * @throws io.stepwise.system.ConflictException if the curriculum changed since the
	 * preview, or a curriculum took the new slug meanwhile
	 */
	@Transactional
	AppliedImport apply(ApplyImport command) {
		CurriculumImport stored = own(command.importId(), command.adminId());
		CurriculumDraft draft = this.parser.parse(stored.getSlug(), stored.getSource());
		CurriculumCounts counts = CurriculumCounts.of(draft);
		AppliedImport applied;
		if (stored.isNew()) {
			create(draft, stored.getSourceSha256());
			applied = new AppliedImport(draft.slug(), true, true, counts, CurriculumChanges.none());
			audit(command, draft.slug(), null, counts.toString());
		}
		else {
			Revised revised = revise(new Revise(draft, stored.getSourceSha256(), stored.getCurriculumVersion()));
			applied = new AppliedImport(draft.slug(), false, !revised.changes().isEmpty(), counts, revised.changes());
			if (applied.changed()) {
				audit(command, draft.slug(), revised.before() + " (version " + stored.getCurriculumVersion() + ")",
						counts + " (version " + revised.version() + ")\n" + describe(revised.changes()));
			}
		}
		this.imports.deleteOwn(stored.getId(), command.adminId());
		this.appliedImports.increment();
		return applied;
	}

	/** Drops a preview; nothing else changes. */
	@Transactional
	void cancel(long id, long adminId) {
		if (this.imports.deleteOwn(id, adminId) == 0) {
			throw new NotFoundException("No import " + id);
		}
	}

	private Optional<Comparison> compare(CurriculumDraft draft) {
		try {
			return this.revisions.compare(draft);
		}
		catch (RevisionRefusedException refused) {
			throw new ImportRefusedException(refused.getMessage());
		}
	}

	private Revised revise(Revise revise) {
		try {
			return this.revisions.revise(revise);
		}
		catch (RevisionRefusedException refused) {
			throw new ImportRefusedException(refused.getMessage());
		}
	}

	private void create(CurriculumDraft draft, String sha256) {
		if (this.library.contains(draft.slug())) {
			throw new SlugTakenException(draft.slug());
		}
		try {
			this.library.add(draft, sha256);
		}
		catch (DataIntegrityViolationException ex) {
			// another admin's import of the same slug committed first
			throw new SlugTakenException(draft.slug());
		}
	}

	private void audit(ApplyImport command, String slug, String before, String after) {
		this.events.publishEvent(new Audited(command.adminId(), command.adminName(), "curriculum", "import.applied",
				slug, before, abbreviate(after, AUDIT_TEXT)));
	}

	private CurriculumImport own(long id, long adminId) {
		return this.imports.findOwn(id, adminId, this.clock.instant().minus(LIFETIME))
			.orElseThrow(() -> new NotFoundException("No import " + id));
	}

	private void expire(long adminId, Instant now) {
		List<Long> ids = this.imports.findIdsNewestFirst(adminId);
		List<Long> surplus = (ids.size() >= KEPT_PER_ADMIN) ? ids.subList(KEPT_PER_ADMIN - 1, ids.size())
				: List.of(-1L);
		this.imports.deleteExpiredOr(now.minus(LIFETIME), surplus);
	}

	private ImportPreview view(CurriculumImport stored, CurriculumDraft draft, Optional<Comparison> comparison) {
		CurriculumChanges changes = comparison.map(Comparison::changes).orElse(CurriculumChanges.none());
		// A new curriculum whose slug was taken since, or a curriculum changed since:
		// applying would be refused.
		boolean stale = stored.isNew() ? comparison.isPresent()
				: comparison.map((c) -> c.version() != stored.getCurriculumVersion()).orElse(true);
		return new ImportPreview(stored.getId(), draft.slug(), stored.isNew(), draft.title(),
				comparison.map(Comparison::title).orElse(null), stored.getFileName(), draft.shape(),
				CurriculumCounts.of(draft), comparison.map(Comparison::counts).orElse(null),
				warnings(draft, comparison, stored.getSourceSha256()), changes, stale);
	}

	private static List<ImportWarning> warnings(CurriculumDraft draft, Optional<Comparison> comparison, String sha) {
		List<ImportWarning> warnings = new ArrayList<>();
		comparison.ifPresent((stored) -> {
			if (stored.shape() != draft.shape()) {
				warnings.add(new ImportWarning("shape", shapeName(draft.shape())));
			}
			if (sha.equals(stored.sourceSha256()) && !stored.changes().isEmpty()) {
				warnings.add(new ImportWarning("editedSince", ""));
			}
			long touched = stored.changes().itemsWithProgress();
			if (touched > 0) {
				warnings.add(new ImportWarning("progress", Long.toString(touched)));
			}
		});
		List<WeekDraft> weeks = draft.phases().stream().map(PhaseDraft::weeks).flatMap(List::stream).toList();
		String empty = weeks.stream()
			.filter((week) -> week.skills().isEmpty() && week.tasks().isEmpty())
			.map((week) -> Integer.toString(week.number()))
			.collect(Collectors.joining(", "));
		if (!empty.isEmpty()) {
			warnings.add(new ImportWarning("emptyWeeks", empty));
		}
		long unlinked = Stream
			.concat(weeks.stream().map(WeekDraft::resources), draft.sections().stream().map(SectionDraft::resources))
			.flatMap(List::stream)
			.filter((resource) -> resource.url() == null)
			.count();
		if (unlinked > 0) {
			warnings.add(new ImportWarning("unlinkedResources", Long.toString(unlinked)));
		}
		Set<Integer> uncited = new TreeSet<>(draft.references().stream().map(ReferenceDraft::number).toList());
		uncited.removeAll(cited(draft, weeks));
		if (!uncited.isEmpty()) {
			warnings.add(new ImportWarning("uncitedReferences",
					uncited.stream().map(String::valueOf).collect(Collectors.joining(", "))));
		}
		return warnings;
	}

	/** Every reference number cited anywhere, Markdown text included. */
	private static Set<Integer> cited(CurriculumDraft draft, List<WeekDraft> weeks) {
		Set<Integer> cited = new LinkedHashSet<>();
		for (WeekDraft week : weeks) {
			cited.addAll(week.citations());
			week.skills().forEach((skill) -> cited.addAll(skill.citations()));
			week.resources().stream().map(ResourceDraft::citations).forEach(cited::addAll);
		}
		List<String> markdown = new ArrayList<>(draft.guidelines());
		markdown.add(draft.intro());
		for (SectionDraft section : draft.sections()) {
			cited.addAll(section.citations());
			section.resources().stream().map(ResourceDraft::citations).forEach(cited::addAll);
			markdown.add(section.body());
		}
		for (String text : markdown) {
			Matcher marker = MARKER.matcher(text);
			while (marker.find()) {
				cited.add(Integer.parseInt(marker.group(1)));
			}
		}
		return cited;
	}

	static String shapeName(CurriculumShape shape) {
		return shape.name().toLowerCase(Locale.ROOT);
	}

	/** The changes as lines a person reads in the audit log. */
	private static String describe(CurriculumChanges changes) {
		StringBuilder text = new StringBuilder();
		changes.added().forEach((change) -> line(text, "added", change));
		changes.changed().forEach((change) -> line(text, "changed", change));
		changes.removed().forEach((change) -> line(text, "removed", change));
		changes.moved().forEach((change) -> line(text, "moved from week " + change.fromWeek(), change));
		changes.other()
			.forEach((other) -> text.append("\n")
				.append(other.what())
				.append(other.subject().isEmpty() ? "" : ": " + other.subject()));
		return text.toString().strip();
	}

	private static void line(StringBuilder text, String what, Change change) {
		text.append('\n')
			.append(what)
			.append(' ')
			.append(change.kind().name().toLowerCase(Locale.ROOT))
			.append(", week ")
			.append(change.week())
			.append(": ")
			.append(change.text());
		if (change.previous() != null && !change.previous().equals(change.text())) {
			text.append(" (was: ").append(change.previous()).append(')');
		}
	}

	private static String abbreviate(String text) {
		return abbreviate(text, 100);
	}

	private static String abbreviate(String text, int length) {
		return (text.length() > length) ? text.substring(0, length - 1) + "…" : text;
	}

	/**
	 * @param fileName the name the browser gave the file, or {@code null}; shown only
	 */
	record NewImport(String slug, byte[] content, String fileName, long adminId) {
	}

	record ApplyImport(long importId, long adminId, String adminName) {
	}

	/**
	 * @param currentTitle the title of the stored curriculum, {@code null} for a new one
	 * @param currentCounts the size of the stored curriculum, {@code null} for a new one
	 * @param stale whether applying would be refused: the curriculum changed since the
	 * preview, or the new slug was taken
	 */
	record ImportPreview(long id, String slug, boolean isNew, String title, String currentTitle, String fileName,
			CurriculumShape shape, CurriculumCounts counts, CurriculumCounts currentCounts,
			List<ImportWarning> warnings, CurriculumChanges changes, boolean stale) {
	}

	/**
	 * Something in a document worth a second look before applying it.
	 *
	 * @param code the kind, the last part of a message key
	 * @param detail the message's argument: a count, week or reference numbers
	 */
	record ImportWarning(String code, String detail) {
	}

	/**
	 * @param created whether the import created the curriculum
	 * @param changed whether anything changed; an unchanged document changes nothing
	 */
	record AppliedImport(String slug, boolean created, boolean changed, CurriculumCounts counts,
			CurriculumChanges changes) {
	}

}
