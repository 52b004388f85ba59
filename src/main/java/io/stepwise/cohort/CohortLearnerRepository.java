package io.stepwise.cohort;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface CohortLearnerRepository extends Repository<CohortLearner, CohortLearner.Key> {

	CohortLearner save(CohortLearner learner);

	boolean existsByCohortIdAndLearnerId(long cohortId, long learnerId);

	/**
	 * Curriculum id and start date of each cohort the learner is in, joined last last.
	 */
	@Query("select c.curriculumId, c.startDate from CohortLearner l join Cohort c on c.id = l.cohortId "
			+ "where l.learnerId = :learnerId order by l.joinedAt, c.id")
	List<Object[]> findStartsByLearnerId(long learnerId);

	@Query("select l.learnerId from CohortLearner l where l.cohortId = :cohortId order by l.joinedAt, l.learnerId")
	List<Long> findLearnerIds(long cohortId);

	@Query("select l from CohortLearner l where l.cohortId in :cohortIds")
	List<CohortLearner> findByCohortIds(Collection<Long> cohortIds);

	/** Rows of (cohort id, number of learners); cohorts without learners are missing. */
	@Query("select l.cohortId, count(l) from CohortLearner l where l.cohortId in :cohortIds group by l.cohortId")
	List<Object[]> countByCohortIds(Collection<Long> cohortIds);

	@Modifying(flushAutomatically = true)
	@Query("delete from CohortLearner l where l.cohortId = :cohortId and l.learnerId = :learnerId")
	int delete(long cohortId, long learnerId);

}
