package io.stepwise.curriculum;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;

import io.stepwise.system.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Curricula as their source documents see them: read back as drafts, so they can be
 * written out again, compared with a new version of their document, and revised to match
 * it without taking learners' progress away (see {@link Revision}).
 */
@Service
public class CurriculumRevisions {

	private final CurriculumRepository repository;

	private final EditingRepository editing;

	private final ProgressUsage progress;

	private final EntityManager entityManager;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CurriculumRevisions(CurriculumRepository repository, EditingRepository editing, ProgressUsage progress,
			EntityManager entityManager, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.editing = editing;
		this.progress = progress;
		this.entityManager = entityManager;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The stored curriculum as a draft, with its Markdown as it was written: what an
	 * export writes, and what a document read back from it equals.
	 */
	@Transactional(readOnly = true)
	public Optional<CurriculumDraft> storedDraft(String slug) {
		return this.repository.findBySlug(slug)
			.map((curriculum) -> StoredContent.of(this.repository, curriculum).draft());
	}

	/**
	 * What the draft would change in the stored curriculum of its slug.
	 * @return empty when no curriculum has the slug: the draft is a new one
	 * @throws RevisionRefusedException if the draft would take progress away
	 */
	@Transactional(readOnly = true)
	public Optional<Comparison> compare(CurriculumDraft draft) {
		return this.repository.findBySlug(draft.slug()).map((curriculum) -> {
			StoredContent stored = StoredContent.of(this.repository, curriculum);
			Revision revision = Revision.of(stored, draft);
			CurriculumChanges changes = revision.changes(learners(revision));
			return new Comparison(curriculum.getId(), curriculum.getTitle(), curriculum.getVersion(),
					curriculum.getSourceSha256(), curriculum.getShape(), CurriculumCounts.of(stored.draft()), changes);
		});
	}

	/**
	 * Makes the stored curriculum what the draft says, in one transaction, if it is still
	 * at the version the change was previewed against: the version the editor checks too,
	 * so an edit in the browser after the preview refuses the revision. Revisions and
	 * edits of one curriculum take turns on its row. A revision moves the version once,
	 * through {@link Curriculum#changed}; a draft that changes nothing writes nothing,
	 * not even the version. Items it removes are archived as the editor archives them,
	 * with an {@link ItemArchived} for each.
	 * @throws CurriculumChangedException if the curriculum is at another version
	 * @throws RevisionRefusedException if the draft would take progress away
	 */
	@Transactional
	public Revised revise(Revise command) {
		CurriculumDraft draft = command.draft();
		// the lock comes first, so the version read is the one the previous revision left
		Curriculum curriculum = this.editing.lockBySlug(draft.slug())
			.orElseThrow(() -> new NotFoundException("No curriculum '" + draft.slug() + "'"));
		if (curriculum.getVersion() != command.expectedVersion()) {
			throw new CurriculumChangedException(draft.slug(), command.expectedVersion(), curriculum.getVersion());
		}
		StoredContent stored = StoredContent.of(this.repository, curriculum);
		CurriculumCounts before = CurriculumCounts.of(stored.draft());
		Revision revision = Revision.of(stored, draft);
		CurriculumChanges changes = revision.changes(learners(revision));
		if (changes.isEmpty()) {
			return new Revised(curriculum.getId(), curriculum.getVersion(), before, changes);
		}
		Instant now = this.clock.instant();
		curriculum.changed(now);
		List<CurriculumItem> archived = revision.apply(now, command.sourceSha256(), this.entityManager);
		try {
			this.entityManager.flush();
		}
		catch (OptimisticLockException ex) {
			throw new CurriculumChangedException(draft.slug(), command.expectedVersion(), curriculum.getVersion());
		}
		for (CurriculumItem item : archived) {
			this.events.publishEvent(new ItemArchived(curriculum.getId(), item.getWeek().getId(), item.getId()));
		}
		this.events.publishEvent(new CurriculumImported(curriculum.getId(), draft.slug()));
		return new Revised(curriculum.getId(), curriculum.getVersion(), before, changes);
	}

	private Map<Long, Integer> learners(Revision revision) {
		List<Long> touched = revision.touchedItemIds();
		return touched.isEmpty() ? Map.of() : this.progress.learnersWithItems(touched);
	}

	/**
	 * @param version the version the comparison was made against, for the revision to
	 * check
	 * @param counts the size of the stored curriculum
	 */
	public record Comparison(long curriculumId, String title, long version, String sourceSha256, CurriculumShape shape,
			CurriculumCounts counts, CurriculumChanges changes) {
	}

	/**
	 * @param draft the new version of the document, under the slug of the curriculum
	 * @param sourceSha256 fingerprint of the document, kept with the curriculum
	 * @param expectedVersion the version the change was previewed against
	 */
	public record Revise(CurriculumDraft draft, String sourceSha256, long expectedVersion) {
	}

	/**
	 * @param version the version after the revision, the same when nothing changed
	 * @param before the size of the curriculum before
	 */
	public record Revised(long curriculumId, long version, CurriculumCounts before, CurriculumChanges changes) {
	}

}
