package io.stepwise.authoring;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Previews are an admin's own: each is read and removed by (id, admin). */
interface CurriculumImportRepository extends Repository<CurriculumImport, Long> {

	CurriculumImport save(CurriculumImport curriculumImport);

	@Query("select i from CurriculumImport i where i.id = :id and i.createdBy = :adminId and i.createdAt >= :since")
	Optional<CurriculumImport> findOwn(long id, long adminId, Instant since);

	@Modifying
	@Query("delete from CurriculumImport i where i.id = :id and i.createdBy = :adminId")
	int deleteOwn(long id, long adminId);

	@Query("select i.id from CurriculumImport i where i.createdBy = :adminId order by i.createdAt desc, i.id desc")
	List<Long> findIdsNewestFirst(long adminId);

	@Modifying
	@Query("delete from CurriculumImport i where i.createdAt < :before or i.id in :ids")
	int deleteExpiredOr(Instant before, Collection<Long> ids);

}
