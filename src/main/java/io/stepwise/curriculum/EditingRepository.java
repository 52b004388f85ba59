package io.stepwise.curriculum;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * What the editor reads and changes. Every part is looked up together with the curriculum
 * it must belong to, so an id from another curriculum is simply not found; archived parts
 * are never found.
 */
interface EditingRepository extends Repository<Curriculum, Long> {

	/**
	 * Locks the curriculum's row until the transaction ends: edits of one curriculum
	 * queue up, and each one compares the version the admin saw with the one stored last.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from Curriculum c where c.slug = :slug")
	Optional<Curriculum> lockBySlug(String slug);

	@Query("select c from Curriculum c where c.slug = :slug")
	Optional<Curriculum> findBySlug(String slug);

	@Query("""
			select new io.stepwise.curriculum.EditableCurriculum(c.slug, c.title, c.version, c.updatedAt,
			    (select count(w) from Week w where w.curriculum = c and w.archivedAt is null),
			    (select count(s) from Skill s where s.week.curriculum = c and s.archivedAt is null),
			    (select count(t) from ProjectTask t where t.week.curriculum = c and t.archivedAt is null),
			    (select count(r) from Resource r where r.curriculum = c and r.week is not null))
			from Curriculum c order by c.title""")
	List<EditableCurriculum> findEditable();

	@Query("select p from Phase p where p.curriculum = :curriculum order by p.position")
	List<Phase> findPhases(Curriculum curriculum);

	@Query("select p from Phase p where p.id = :id and p.curriculum = :curriculum")
	Optional<Phase> findPhase(Curriculum curriculum, long id);

	/** The live weeks in their order. */
	@Query("select w from Week w where w.curriculum = :curriculum and w.archivedAt is null order by w.number")
	List<Week> findWeeks(Curriculum curriculum);

	@Query("select w from Week w where w.id = :id and w.curriculum = :curriculum and w.archivedAt is null")
	Optional<Week> findWeek(Curriculum curriculum, long id);

	@Query("select count(w) from Week w where w.phase = :phase and w.archivedAt is null")
	long countWeeks(Phase phase);

	@Query("select w from Week w where w.phase = :phase and w.archivedAt is not null")
	List<Week> findArchivedWeeks(Phase phase);

	@Query("select s from Skill s where s.id = :id and s.week.curriculum = :curriculum and s.archivedAt is null")
	Optional<Skill> findSkill(Curriculum curriculum, long id);

	@Query("""
			select t from ProjectTask t
			where t.id = :id and t.week.curriculum = :curriculum and t.archivedAt is null""")
	Optional<ProjectTask> findTask(Curriculum curriculum, long id);

	/** The week's live skills and tasks, each kind in its order. */
	@Query("select i from CurriculumItem i where i.week = :week and i.archivedAt is null order by i.position, i.id")
	List<CurriculumItem> findItems(Week week);

	/** Every item ever stored in the week, archived or not. */
	@Query("select count(i) from CurriculumItem i where i.week = :week")
	long countAllItems(Week week);

	@Query("select r from Resource r where r.id = :id and r.curriculum = :curriculum and r.week is not null")
	Optional<Resource> findResource(Curriculum curriculum, long id);

	@Query("select r from Resource r where r.week = :week order by r.position")
	List<Resource> findResources(Week week);

}
