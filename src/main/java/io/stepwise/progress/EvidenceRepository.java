package io.stepwise.progress;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Evidence is looked up with its learner, or its learner and curriculum: never by id
 * alone.
 */
interface EvidenceRepository extends Repository<Evidence, Long> {

	Evidence save(Evidence evidence);

	Evidence saveAndFlush(Evidence evidence);

	Optional<Evidence> findByEnrollmentIdAndItemId(long enrollmentId, long itemId);

	Optional<Evidence> findByIdAndLearnerIdAndCurriculumId(long id, long learnerId, long curriculumId);

	List<Evidence> findByLearnerIdAndCurriculumId(long learnerId, long curriculumId);

	@Query("select e from Evidence e where e.enrollmentId = :enrollmentId order by e.submittedAt")
	List<Evidence> findByEnrollmentId(long enrollmentId);

	/** The learner's reviewed evidence, newest review first, for the dashboard. */
	@Query("""
			select e from Evidence e where e.learnerId = :learnerId and e.reviewedAt is not null
			order by e.reviewedAt desc, e.id desc limit 5""")
	List<Evidence> findRecentlyReviewed(long learnerId);

	@Query("""
			select e from Evidence e
			where e.curriculumId in :curriculumIds and e.learnerId in :learnerIds
			  and e.status = io.stepwise.progress.EvidenceView.Status.SUBMITTED
			order by e.submittedAt, e.id""")
	List<Evidence> findWaiting(Collection<Long> curriculumIds, Collection<Long> learnerIds);

	@Query("""
			select e.learnerId, count(e) from Evidence e
			where e.curriculumId = :curriculumId and e.learnerId in :learnerIds
			  and e.status = io.stepwise.progress.EvidenceView.Status.SUBMITTED
			group by e.learnerId""")
	List<Object[]> countWaiting(long curriculumId, Collection<Long> learnerIds);

}
