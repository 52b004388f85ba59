package io.stepwise.cohort;

import java.util.List;
import java.util.Optional;

import io.stepwise.account.AccountDirectory;
import io.stepwise.account.Member;
import io.stepwise.system.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Which cohorts and learners a user may see, read from the database on every call: an
 * admin sees every cohort, a mentor the cohorts they mentor and the learners in them,
 * anyone else none. A cohort or learner outside that is not found, whether it exists or
 * not.
 */
@Component
class CohortAccess {

	private final AccountDirectory accounts;

	private final CohortRepository cohorts;

	private final CohortLearnerRepository learners;

	CohortAccess(AccountDirectory accounts, CohortRepository cohorts, CohortLearnerRepository learners) {
		this.accounts = accounts;
		this.cohorts = cohorts;
		this.learners = learners;
	}

	/**
	 * The user as they are now.
	 * @throws AccessDeniedException when they may no longer mentor, whatever their
	 * session says
	 */
	Member mentor(long userId) {
		return this.accounts.find(userId)
			.filter(Member::canMentor)
			.orElseThrow(() -> new AccessDeniedException("Not a mentor"));
	}

	List<Cohort> visibleCohorts(Member viewer) {
		return viewer.isAdmin() ? this.cohorts.findAllByName() : this.cohorts.findAllMentored(viewer.id());
	}

	Cohort visibleCohort(Member viewer, long cohortId) {
		return (viewer.isAdmin() ? this.cohorts.findById(cohortId) : this.cohorts.findMentored(cohortId, viewer.id()))
			.orElseThrow(() -> new NotFoundException("No cohort " + cohortId));
	}

	/** A learner of the cohort by username; anyone else is not found. */
	Member learnerOf(Cohort cohort, String username) {
		// Learners are addressed by username here; an email never reaches the lookup.
		return (username.contains("@") ? Optional.<Member>empty() : this.accounts.findByUsernameOrEmail(username))
			.filter((member) -> this.learners.existsByCohortIdAndLearnerId(cohort.getId(), member.id()))
			.orElseThrow(() -> new NotFoundException("No learner '" + username + "' in this cohort"));
	}

}
