package io.stepwise.progress;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface WeekCompletionRepository extends Repository<WeekCompletion, Long> {

	WeekCompletion save(WeekCompletion completion);

	@Query("select w from WeekCompletion w where w.enrollmentId in :enrollmentIds")
	List<WeekCompletion> findByEnrollmentIds(Collection<Long> enrollmentIds);

	@Query("select w.enrollmentId from WeekCompletion w where w.weekId = :weekId and w.enrollmentId in :enrollmentIds")
	List<Long> findEnrollmentIdsWithWeek(long weekId, Collection<Long> enrollmentIds);

	/** Enrollments that have the week finished, or finished it once. */
	@Query(nativeQuery = true, value = """
			select count(*) from (
			    select enrollment_id from week_completion where week_id = :weekId
			    union
			    select enrollment_id from progress_event where week_id = :weekId) named""")
	long countEnrollmentsWithWeek(long weekId);

	@Modifying(flushAutomatically = true)
	@Query("delete from WeekCompletion w where w.enrollmentId = :enrollmentId and w.weekId = :weekId")
	int deleteByEnrollmentIdAndWeekId(long enrollmentId, long weekId);

	@Modifying(flushAutomatically = true)
	@Query("delete from WeekCompletion w where w.enrollmentId = :enrollmentId")
	int deleteByEnrollmentId(long enrollmentId);

}
