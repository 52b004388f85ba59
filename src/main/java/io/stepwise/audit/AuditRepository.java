package io.stepwise.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface AuditRepository extends Repository<AuditEntry, Long> {

	AuditEntry save(AuditEntry entry);

	/**
	 * Newest first; each filter applies only when given. {@code text} matches the subject
	 * or the action, case-insensitively.
	 */
	@Query(value = """
			select a from AuditEntry a
			where (:area is null or a.area = :area)
			  and (:actor is null or lower(a.actorName) = :actor)
			  and (:text is null or lower(a.subject) like :text or lower(a.action) like :text)
			order by a.occurredAt desc, a.id desc""", countQuery = """
			select count(a) from AuditEntry a
			where (:area is null or a.area = :area)
			  and (:actor is null or lower(a.actorName) = :actor)
			  and (:text is null or lower(a.subject) like :text or lower(a.action) like :text)""")
	Page<AuditEntry> search(String area, String actor, String text, Pageable page);

}
