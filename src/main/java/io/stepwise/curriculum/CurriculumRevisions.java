package io.stepwise.curriculum;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Curricula as their source documents see them: read back as drafts, so they can be
 * written out again.
 */
@Service
public class CurriculumRevisions {

	private final CurriculumRepository repository;

	CurriculumRevisions(CurriculumRepository repository) {
		this.repository = repository;
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

}
