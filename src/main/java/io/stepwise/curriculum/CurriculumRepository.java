package io.stepwise.curriculum;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.QueryHint;

import org.hibernate.jpa.HibernateHints;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.Repository;

/**
 * Reads a curriculum level by level: one statement per kind of content, whatever the size
 * of the curriculum or the number of curricula asked for. The readers load entities
 * read-only: they are turned into views at once, and a progress write that reads the
 * curriculum inside its transaction should not dirty-check them.
 */
interface CurriculumRepository extends Repository<Curriculum, Long> {

	Curriculum save(Curriculum curriculum);

	boolean existsBySlug(String slug);

	@Query("select c.id from Curriculum c where c.slug = :slug")
	Optional<Long> findIdBySlug(String slug);

	// Stamps: what a cached curriculum is checked against, one small row each

	@Query("select new io.stepwise.curriculum.CurriculumStamp(c.id, c.version, c.updatedAt) from Curriculum c where c.slug = :slug")
	Optional<CurriculumStamp> findStampBySlug(String slug);

	@Query("select new io.stepwise.curriculum.CurriculumStamp(c.id, c.version, c.updatedAt) from Curriculum c where c.id in :ids")
	List<CurriculumStamp> findStamps(Collection<Long> ids);

	@Query("select new io.stepwise.curriculum.CurriculumStamp(c.id, c.version, c.updatedAt) from Curriculum c order by c.id")
	List<CurriculumStamp> findAllStamps();

	@Query("select new io.stepwise.curriculum.CurriculumName(c.id, c.slug, c.title) from Curriculum c where c.id in :ids")
	List<CurriculumName> findNames(Collection<Long> ids);

	@QueryHints(@QueryHint(name = HibernateHints.HINT_READ_ONLY, value = "true"))
	@Query("select distinct c from Curriculum c left join fetch c.guidelines where c.id in :ids")
	List<Curriculum> findWithGuidelines(Collection<Long> ids);

	@QueryHints(@QueryHint(name = HibernateHints.HINT_READ_ONLY, value = "true"))
	@Query("select p from Phase p where p.curriculum.id in :ids order by p.position")
	List<Phase> findPhases(Collection<Long> ids);

	@QueryHints(@QueryHint(name = HibernateHints.HINT_READ_ONLY, value = "true"))
	@Query("select w from Week w where w.curriculum.id in :ids and w.archivedAt is null order by w.number")
	List<Week> findWeeks(Collection<Long> ids);

	@QueryHints(@QueryHint(name = HibernateHints.HINT_READ_ONLY, value = "true"))
	@Query("""
			select i from CurriculumItem i
			where i.week.curriculum.id in :ids and i.archivedAt is null
			order by i.position""")
	List<CurriculumItem> findItems(Collection<Long> ids);

	@QueryHints(@QueryHint(name = HibernateHints.HINT_READ_ONLY, value = "true"))
	@Query("select s from CurriculumSection s where s.curriculum.id in :ids order by s.position")
	List<CurriculumSection> findSections(Collection<Long> ids);

	@QueryHints(@QueryHint(name = HibernateHints.HINT_READ_ONLY, value = "true"))
	@Query("select r from Resource r where r.curriculum.id in :ids order by r.position")
	List<Resource> findResources(Collection<Long> ids);

	@QueryHints(@QueryHint(name = HibernateHints.HINT_READ_ONLY, value = "true"))
	@Query("select r from Reference r where r.curriculum.id in :ids order by r.number")
	List<Reference> findReferences(Collection<Long> ids);

	/** Rows of (owner kind, owner id, reference number) in citation order. */
	@Query(nativeQuery = true, value = """
			select 'W' as owner_kind, c.week_id as owner_id, c.position as pos, r.number as ref_number
			  from week_citation c join curriculum_reference r on r.id = c.reference_id
			 where r.curriculum_id in :ids
			union all
			select 'I', c.item_id, c.position, r.number
			  from item_citation c join curriculum_reference r on r.id = c.reference_id
			 where r.curriculum_id in :ids
			union all
			select 'R', c.resource_id, c.position, r.number
			  from resource_citation c join curriculum_reference r on r.id = c.reference_id
			 where r.curriculum_id in :ids
			union all
			select 'S', c.section_id, c.position, r.number
			  from section_citation c join curriculum_reference r on r.id = c.reference_id
			 where r.curriculum_id in :ids
			order by 1, 2, 3""")
	List<Object[]> findCitations(Collection<Long> ids);

	@Query("""
			select new io.stepwise.curriculum.CurriculumSummary(c.slug, c.title, c.plannedWeeks,
			    (select count(p) from Phase p where p.curriculum = c),
			    (select count(w) from Week w where w.curriculum = c and w.archivedAt is null),
			    (select count(s) from Skill s where s.week.curriculum = c and s.archivedAt is null),
			    (select count(t) from ProjectTask t where t.week.curriculum = c and t.archivedAt is null),
			    (select count(r) from Resource r where r.curriculum = c),
			    (select count(f) from Reference f where f.curriculum = c))
			from Curriculum c order by c.title""")
	List<CurriculumSummary> findSummaries();

	/** Every curriculum with each of its live weeks, for the sitemap: one statement. */
	@Query("""
			select new io.stepwise.curriculum.SitemapEntry(c.slug, c.updatedAt, w.number)
			from Curriculum c left join Week w on w.curriculum = c and w.archivedAt is null
			order by c.slug, w.number""")
	List<SitemapEntry> findSitemapEntries();

	// One curriculum as entities to change, for revisions (see StoredContent)

	@Query("select c from Curriculum c where c.slug = :slug")
	Optional<Curriculum> findBySlug(String slug);

	@Query("select p from Phase p where p.curriculum.id = :id order by p.position")
	List<Phase> findPhasesOf(long id);

	/** The live weeks; archived ones have no number and no place in a document. */
	@Query("select w from Week w where w.curriculum.id = :id and w.archivedAt is null order by w.number")
	List<Week> findWeeksOf(long id);

	@Query("select w from Week w where w.curriculum.id = :id and w.archivedAt is not null order by w.id")
	List<Week> findArchivedWeeksOf(long id);

	@Query("""
			select i from CurriculumItem i
			where i.week.curriculum.id = :id and i.archivedAt is null
			order by i.position, i.id""")
	List<CurriculumItem> findItemsOf(long id);

	@Query("select s from CurriculumSection s where s.curriculum.id = :id order by s.position")
	List<CurriculumSection> findSectionsOf(long id);

	@Query("select r from Resource r where r.curriculum.id = :id order by r.position, r.id")
	List<Resource> findResourcesOf(long id);

	@Query("select r from Reference r where r.curriculum.id = :id order by r.number")
	List<Reference> findReferencesOf(long id);

}
