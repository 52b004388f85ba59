package io.stepwise.cohort;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Mentors reach cohorts only through the queries that name them; admins through the
 * others.
 */
interface CohortRepository extends Repository<Cohort, Long> {

	Cohort save(Cohort cohort);

	Cohort saveAndFlush(Cohort cohort);

	Optional<Cohort> findById(long id);

	long count();

	/** Every cohort with its mentors, in one statement. */
	@Query("select c from Cohort c left join fetch c.mentorIds order by c.name, c.id")
	List<Cohort> findAllWithMentors();

	@Query("select c from Cohort c left join fetch c.mentorIds where c.id = :id")
	Optional<Cohort> findWithMentors(long id);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from Cohort c where c.id = :id")
	Optional<Cohort> lockById(long id);

	@Query("select c from Cohort c where c.id = :id and :mentorId member of c.mentorIds")
	Optional<Cohort> findMentored(long id, long mentorId);

	@Query("select c from Cohort c where :mentorId member of c.mentorIds order by c.name, c.id")
	List<Cohort> findAllMentored(long mentorId);

	@Query("select c from Cohort c order by c.name, c.id")
	List<Cohort> findAllByName();

	Optional<Cohort> findByInviteCode(String inviteCode);

	boolean existsByInviteCode(String inviteCode);

}
