package io.stepwise.progress;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface CheckOffRepository extends Repository<CheckOff, Long> {

	CheckOff save(CheckOff checkOff);

	@Query("select c from CheckOff c where c.enrollmentId in :enrollmentIds")
	List<CheckOff> findByEnrollmentIds(Collection<Long> enrollmentIds);

	/** Rows of (item id, learners who checked it off); an enrollment is one learner's. */
	@Query("""
			select c.itemId, count(distinct c.enrollmentId) from CheckOff c
			where c.itemId in :itemIds group by c.itemId""")
	List<Object[]> countLearnersByItem(Collection<Long> itemIds);

	@Query("select count(distinct c.enrollmentId) from CheckOff c where c.itemId = :itemId")
	long countEnrollmentsWithItem(long itemId);

	/** The enrollments that have every one of the items checked off. */
	@Query("""
			select c.enrollmentId from CheckOff c where c.itemId in :itemIds
			group by c.enrollmentId having count(c) = :count""")
	List<Long> findEnrollmentsWithAll(Collection<Long> itemIds, long count);

	@Modifying(flushAutomatically = true)
	@Query("delete from CheckOff c where c.enrollmentId = :enrollmentId and c.itemId = :itemId")
	int deleteByEnrollmentIdAndItemId(long enrollmentId, long itemId);

	@Modifying(flushAutomatically = true)
	@Query("delete from CheckOff c where c.enrollmentId = :enrollmentId")
	int deleteByEnrollmentId(long enrollmentId);

}
