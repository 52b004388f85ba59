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

	@Modifying(flushAutomatically = true)
	@Query("delete from WeekCompletion w where w.enrollmentId = :enrollmentId and w.weekId = :weekId")
	int deleteByEnrollmentIdAndWeekId(long enrollmentId, long weekId);

	@Modifying(flushAutomatically = true)
	@Query("delete from WeekCompletion w where w.enrollmentId = :enrollmentId")
	int deleteByEnrollmentId(long enrollmentId);

}
