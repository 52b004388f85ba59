package io.stepwise.cohort;

import java.time.LocalDate;

import org.springframework.stereotype.Service;

/**
 * What other modules, such as the demo data, may do to cohorts: the admin's operations,
 * by ids and usernames, without the cohort's entities. Each joins the caller's
 * transaction when there is one.
 */
@Service
public class Cohorts {

	private final CohortService cohorts;

	Cohorts(CohortService cohorts) {
		this.cohorts = cohorts;
	}

	/**
	 * Creates a cohort on the curriculum with this slug.
	 * @return the new cohort's id
	 * @throws io.stepwise.system.NotFoundException when there is no such curriculum
	 */
	public long create(String name, String curriculumSlug, LocalDate startDate) {
		return this.cohorts.create(new CreateCohort(name, curriculumSlug, startDate)).getId();
	}

	/** Makes the user a mentor of the cohort, and a mentor at all when they were not. */
	public void addMentor(long cohortId, String usernameOrEmail) {
		this.cohorts.addMentor(cohortId, usernameOrEmail);
	}

	/**
	 * Adds the learner, enrolling them with the cohort's start date unless they follow
	 * the curriculum already.
	 */
	public void addLearner(long cohortId, String usernameOrEmail) {
		this.cohorts.addLearner(cohortId, usernameOrEmail);
	}

}
