package io.stepwise.progress;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Enrollments are always looked up with their learner: nobody reaches another's. */
interface EnrollmentRepository extends Repository<Enrollment, Long> {

	Enrollment save(Enrollment enrollment);

	Optional<Enrollment> findByLearnerIdAndCurriculumId(long learnerId, long curriculumId);

	/**
	 * Locks the row until the transaction ends, so one learner's writes on a curriculum
	 * queue up.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select e from Enrollment e where e.learnerId = :learnerId and e.curriculumId = :curriculumId")
	Optional<Enrollment> lockByLearnerIdAndCurriculumId(long learnerId, long curriculumId);

	List<Enrollment> findByLearnerIdOrderByEnrolledAt(long learnerId);

	/**
	 * Locks the enrollments, in the order of their ids, as a learner's own write locks
	 * theirs: a change made on their behalf queues up with the learner's.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select e from Enrollment e where e.id in :ids order by e.id")
	List<Enrollment> lockByIds(Collection<Long> ids);

	@Query("select e from Enrollment e where e.curriculumId = :curriculumId and e.learnerId in :learnerIds")
	List<Enrollment> findByCurriculumIdAndLearnerIds(long curriculumId, Collection<Long> learnerIds);

}
