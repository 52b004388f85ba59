package io.stepwise.cohort;

import java.time.Clock;
import java.util.List;

import io.stepwise.account.AccountDirectory;
import io.stepwise.account.Member;
import io.stepwise.curriculum.CurriculumCatalog;
import io.stepwise.curriculum.CurriculumName;
import io.stepwise.progress.Enrollments;
import io.stepwise.system.Audited;
import io.stepwise.system.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins do to cohorts. Each operation is one transaction; adding someone twice, or
 * removing someone who is not there, changes nothing and is not an error, so a script can
 * run again after a failure.
 */
@Service
class CohortService {

	private final CohortRepository cohorts;

	private final CohortLearnerRepository learners;

	private final AccountDirectory accounts;

	private final CurriculumCatalog catalog;

	private final Enrollments enrollments;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	CohortService(CohortRepository cohorts, CohortLearnerRepository learners, AccountDirectory accounts,
			CurriculumCatalog catalog, Enrollments enrollments, Clock clock, ApplicationEventPublisher events) {
		this.cohorts = cohorts;
		this.learners = learners;
		this.accounts = accounts;
		this.catalog = catalog;
		this.enrollments = enrollments;
		this.clock = clock;
		this.events = events;
	}

	@Transactional
	Cohort create(CreateCohort command) {
		long curriculumId = this.catalog.idOf(command.curriculumSlug())
			.orElseThrow(() -> new UnknownCurriculumException(command.curriculumSlug()));
		Cohort cohort = this.cohorts.saveAndFlush(new Cohort(command.name().strip(), curriculumId, command.startDate(),
				freshInviteCode(), this.clock.instant()));
		audit("cohort-created", cohort, null, describe(cohort));
		return cohort;
	}

	@Transactional
	Cohort edit(EditCohort command) {
		Cohort cohort = cohort(command.cohortId());
		if (cohort.getVersion() != command.version()) {
			throw new CohortChangedException();
		}
		String before = describe(cohort);
		cohort.rename(command.name().strip(), command.startDate());
		try {
			Cohort saved = this.cohorts.saveAndFlush(cohort);
			audit("cohort-edited", saved, before, describe(saved));
			return saved;
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			throw new CohortChangedException();
		}
	}

	@Transactional
	Cohort regenerateInviteCode(long cohortId) {
		Cohort cohort = cohort(cohortId);
		cohort.newInviteCode(freshInviteCode());
		// The codes themselves are not recorded: an old one should not be readable
		// anywhere.
		audit("invite-regenerated", cohort, null, null);
		return this.cohorts.saveAndFlush(cohort);
	}

	/** Makes the user a mentor of the cohort, and a mentor at all when they were not. */
	@Transactional
	Member addMentor(long cohortId, String usernameOrEmail) {
		Cohort cohort = lockedCohort(cohortId);
		Member member = user(usernameOrEmail);
		if (!member.canMentor()) {
			member = this.accounts.grantMentor(member.id());
		}
		if (cohort.addMentor(member.id())) {
			audit("mentor-added", cohort, null, member.username());
		}
		return member;
	}

	@Transactional
	Member removeMentor(long cohortId, String usernameOrEmail) {
		Cohort cohort = lockedCohort(cohortId);
		Member member = user(usernameOrEmail);
		if (cohort.removeMentor(member.id())) {
			audit("mentor-removed", cohort, member.username(), null);
		}
		return member;
	}

	/**
	 * Adds the learner and enrolls them with the cohort's start date, unless they follow
	 * the curriculum already: then their own start date and progress stay.
	 */
	@Transactional
	Member addLearner(long cohortId, String usernameOrEmail) {
		Cohort cohort = lockedCohort(cohortId);
		Member member = user(usernameOrEmail);
		if (admit(cohort, member.id())) {
			audit("learner-added", cohort, null, member.username());
		}
		return member;
	}

	@Transactional
	Member removeLearner(long cohortId, String usernameOrEmail) {
		Cohort cohort = lockedCohort(cohortId);
		Member member = user(usernameOrEmail);
		if (this.learners.delete(cohort.getId(), member.id()) > 0) {
			audit("learner-removed", cohort, member.username(), null);
		}
		return member;
	}

	/**
	 * Joins a learner to the cohort whose invite code this is.
	 * @return the cohort joined
	 */
	@Transactional
	Cohort join(String inviteCode, long learnerId) {
		Cohort byCode = byInviteCode(inviteCode);
		Cohort cohort = lockedCohort(byCode.getId());
		admit(cohort, learnerId);
		return cohort;
	}

	/**
	 * Joins a learner by invite code, telling whether they were in the cohort already.
	 */
	@Transactional
	Joined accept(String inviteCode, long learnerId) {
		Cohort cohort = lockedCohort(byInviteCode(inviteCode).getId());
		boolean added = admit(cohort, learnerId);
		if (added) {
			audit("learner-joined", cohort, null, "by invite link");
		}
		return new Joined(curriculum(cohort).slug(), !added);
	}

	/** What the invite link shows the learner who follows it. */
	@Transactional(readOnly = true)
	Invitation invitation(String inviteCode, long learnerId) {
		Cohort cohort = byInviteCode(inviteCode);
		return new Invitation(cohort.getInviteCode(), cohort.getName(), curriculum(cohort), cohort.getStartDate(),
				isLearner(cohort.getId(), learnerId));
	}

	@Transactional(readOnly = true)
	Cohort byInviteCode(String inviteCode) {
		if (!InviteCodes.isWellFormed(inviteCode)) {
			throw new NotFoundException("No cohort with this invite code");
		}
		return this.cohorts.findByInviteCode(inviteCode)
			.orElseThrow(() -> new NotFoundException("No cohort with this invite code"));
	}

	@Transactional(readOnly = true)
	boolean isLearner(long cohortId, long learnerId) {
		return this.learners.existsByCohortIdAndLearnerId(cohortId, learnerId);
	}

	// The cohort row is locked, so concurrent adds of one learner queue up and the
	// existence check below cannot be raced.
	private boolean admit(Cohort cohort, long learnerId) {
		boolean added = !this.learners.existsByCohortIdAndLearnerId(cohort.getId(), learnerId);
		if (added) {
			this.learners.save(new CohortLearner(cohort.getId(), learnerId, this.clock.instant()));
		}
		this.enrollments.enrollIfAbsent(learnerId, cohort.getCurriculumId(), cohort.getStartDate());
		return added;
	}

	private CurriculumName curriculum(Cohort cohort) {
		CurriculumName name = this.catalog.names(List.of(cohort.getCurriculumId())).get(cohort.getCurriculumId());
		if (name == null) {
			throw new NotFoundException("No curriculum " + cohort.getCurriculumId());
		}
		return name;
	}

	private void audit(String action, Cohort cohort, String before, String after) {
		this.events.publishEvent(Audited.byCurrentUser("cohort", action, cohort.getName(), before, after));
	}

	private static String describe(Cohort cohort) {
		return "name: " + cohort.getName() + "\nstart date: " + cohort.getStartDate();
	}

	private Cohort cohort(long id) {
		return this.cohorts.findById(id).orElseThrow(() -> new NotFoundException("No cohort " + id));
	}

	private Cohort lockedCohort(long id) {
		return this.cohorts.lockById(id).orElseThrow(() -> new NotFoundException("No cohort " + id));
	}

	private Member user(String usernameOrEmail) {
		return this.accounts.findByUsernameOrEmail(usernameOrEmail)
			.orElseThrow(() -> new UnknownUserException(usernameOrEmail));
	}

	private String freshInviteCode() {
		String code = InviteCodes.next();
		while (this.cohorts.existsByInviteCode(code)) {
			code = InviteCodes.next();
		}
		return code;
	}

}
