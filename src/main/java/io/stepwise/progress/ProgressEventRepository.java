package io.stepwise.progress;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ProgressEventRepository extends Repository<ProgressEvent, Long> {

	ProgressEvent save(ProgressEvent event);

	/** When the learner checked items off, across all their curricula, since a moment. */
	@Query("""
			select e.occurredAt from ProgressEvent e
			where e.learnerId = :learnerId and e.type = io.stepwise.progress.ProgressEvent.Type.CHECKED
			  and e.occurredAt >= :since
			order by e.occurredAt""")
	List<Instant> findCheckOffTimes(long learnerId, Instant since);

	/** How many learners have any progress since a moment, across all curricula. */
	@Query("select count(distinct e.learnerId) from ProgressEvent e where e.occurredAt >= :since")
	long countLearnersActiveSince(Instant since);

	/** The latest event of each enrollment, as rows of enrollment id and time. */
	@Query("""
			select e.enrollmentId, max(e.occurredAt) from ProgressEvent e
			where e.enrollmentId in :enrollmentIds group by e.enrollmentId""")
	List<Object[]> findLastActivity(Collection<Long> enrollmentIds);

	/** The newest events of an enrollment, newest first. */
	@Query("""
			select e from ProgressEvent e where e.enrollmentId = :enrollmentId
			order by e.occurredAt desc, e.id desc limit 200""")
	List<ProgressEvent> findLatestByEnrollmentId(long enrollmentId);

	@Query("select e from ProgressEvent e where e.enrollmentId = :enrollmentId order by e.occurredAt, e.id")
	List<ProgressEvent> findByEnrollmentId(long enrollmentId);

}
