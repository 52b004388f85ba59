package io.stepwise.progress;

import java.time.Instant;
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

	@Query("select e from ProgressEvent e where e.enrollmentId = :enrollmentId order by e.occurredAt, e.id")
	List<ProgressEvent> findByEnrollmentId(long enrollmentId);

}
