package io.stepwise.cohort;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.stepwise.account.AccountDirectory;
import io.stepwise.account.Member;
import io.stepwise.curriculum.CurriculumCatalog;
import io.stepwise.curriculum.CurriculumName;
import io.stepwise.curriculum.CurriculumSummary;
import io.stepwise.progress.ProgressReports;
import io.stepwise.system.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the admin pages read about cohorts. Lists are read in a fixed number of
 * statements, whatever the number of cohorts, mentors and learners; progress is not read
 * at all (that is the mentors' view).
 */
@Service
@Transactional(readOnly = true)
class CohortAdministration {

	private static final Comparator<Member> BY_NAME = Comparator
		.comparing((Member member) -> member.displayName().toLowerCase(Locale.ROOT))
		.thenComparing(Member::username);

	private final CohortRepository cohorts;

	private final CohortLearnerRepository learners;

	private final CohortAccess access;

	private final AccountDirectory accounts;

	private final CurriculumCatalog catalog;

	private final Clock clock;

	CohortAdministration(CohortRepository cohorts, CohortLearnerRepository learners, CohortAccess access,
			AccountDirectory accounts, CurriculumCatalog catalog, Clock clock) {
		this.cohorts = cohorts;
		this.learners = learners;
		this.access = access;
		this.accounts = accounts;
		this.catalog = catalog;
		this.clock = clock;
	}

	AdminHome home() {
		return new AdminHome(this.cohorts.count(), this.catalog.summaries());
	}

	/**
	 * Every cohort, the curricula a new one can follow, and today in the admin's zone as
	 * the default start date.
	 */
	CohortList list(ZoneId zone) {
		List<Cohort> all = this.cohorts.findAllWithMentors();
		List<Long> ids = all.stream().map(Cohort::getId).toList();
		Map<Long, Integer> sizes = new HashMap<>();
		if (!ids.isEmpty()) {
			for (Object[] row : this.learners.countByCohortIds(ids)) {
				sizes.put(((Number) row[0]).longValue(), ((Number) row[1]).intValue());
			}
		}
		Map<Long, Member> mentors = this.accounts
			.members(all.stream().flatMap((cohort) -> cohort.getMentorIds().stream()).distinct().toList());
		Map<Long, CurriculumName> curricula = this.catalog
			.names(all.stream().map(Cohort::getCurriculumId).distinct().toList());
		List<CohortList.Entry> entries = all.stream()
			.map((cohort) -> new CohortList.Entry(cohort.getId(), cohort.getName(),
					curricula.get(cohort.getCurriculumId()), cohort.getStartDate(),
					sizes.getOrDefault(cohort.getId(), 0), members(cohort.getMentorIds(), mentors)))
			.toList();
		return new CohortList(entries, this.catalog.summaries(), LocalDate.now(this.clock.withZone(zone)));
	}

	/** One cohort with its mentors and all its learners. */
	CohortDetail cohort(long cohortId) {
		Cohort cohort = this.cohorts.findWithMentors(cohortId)
			.orElseThrow(() -> new NotFoundException("No cohort " + cohortId));
		CurriculumName curriculum = this.catalog.names(List.of(cohort.getCurriculumId())).get(cohort.getCurriculumId());
		if (curriculum == null) {
			throw new NotFoundException("No curriculum " + cohort.getCurriculumId());
		}
		List<Long> learnerIds = this.learners.findLearnerIds(cohort.getId());
		Map<Long, Member> people = new HashMap<>(this.accounts.members(cohort.getMentorIds()));
		// Bounded "in" lists, as the mentors' reports read them.
		for (int from = 0; from < learnerIds.size(); from += ProgressReports.BATCH) {
			people.putAll(this.accounts
				.members(learnerIds.subList(from, Math.min(from + ProgressReports.BATCH, learnerIds.size()))));
		}
		return new CohortDetail(cohort.getId(), cohort.getName(), cohort.getStartDate(), cohort.getVersion(),
				cohort.getInviteCode(), curriculum, members(cohort.getMentorIds(), people),
				members(learnerIds, people));
	}

	/** A learner of the cohort, for the page that asks before removing them. */
	LearnerRemoval learner(long cohortId, String username) {
		Cohort cohort = this.cohorts.findById(cohortId)
			.orElseThrow(() -> new NotFoundException("No cohort " + cohortId));
		return new LearnerRemoval(cohort.getId(), cohort.getName(), this.access.learnerOf(cohort, username));
	}

	private static List<Member> members(Collection<Long> ids, Map<Long, Member> people) {
		return ids.stream().map(people::get).filter(Objects::nonNull).sorted(BY_NAME).toList();
	}

	record AdminHome(long cohorts, List<CurriculumSummary> curricula) {
	}

	/**
	 * @param today the default start date of a new cohort
	 */
	record CohortList(List<Entry> cohorts, List<CurriculumSummary> curricula, LocalDate today) {

		record Entry(long id, String name, CurriculumName curriculum, LocalDate startDate, int size,
				List<Member> mentors) {
		}

	}

	/**
	 * @param version what the edit form carries, so a change made meanwhile is a conflict
	 */
	record CohortDetail(long id, String name, LocalDate startDate, long version, String inviteCode,
			CurriculumName curriculum, List<Member> mentors, List<Member> learners) {
	}

	record LearnerRemoval(long cohortId, String cohortName, Member learner) {
	}

}
