package io.stepwise.cohort;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.stepwise.account.AccountDirectory;
import io.stepwise.account.Member;
import io.stepwise.curriculum.CurriculumCatalog;
import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.curriculum.CurriculumTree.WeekView;
import io.stepwise.progress.EvidenceReviews;
import io.stepwise.progress.EvidenceView;
import io.stepwise.progress.LearnerReport;
import io.stepwise.progress.LearnerStanding;
import io.stepwise.progress.ProgressReports;
import io.stepwise.system.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What mentors read. Every method starts from the viewer's id and resolves their scope in
 * the database first; each reads a cohort in a fixed number of statements whatever its
 * size (up to {@link ProgressReports#BATCH} learners per round).
 */
@Service
@Transactional(readOnly = true)
class CohortReports {

	static final int INACTIVE_DAYS = 7;

	private final CohortAccess access;

	private final CohortLearnerRepository learners;

	private final AccountDirectory accounts;

	private final CurriculumCatalog catalog;

	private final ProgressReports progress;

	private final EvidenceReviews reviews;

	private final Clock clock;

	CohortReports(CohortAccess access, CohortLearnerRepository learners, AccountDirectory accounts,
			CurriculumCatalog catalog, ProgressReports progress, EvidenceReviews reviews, Clock clock) {
		this.access = access;
		this.learners = learners;
		this.accounts = accounts;
		this.catalog = catalog;
		this.progress = progress;
		this.reviews = reviews;
		this.clock = clock;
	}

	/** The viewer's cohorts with their numbers; an admin's list is every cohort. */
	List<CohortSummary> cohorts(long viewerId, ZoneId zone) {
		Member viewer = this.access.mentor(viewerId);
		List<Cohort> cohorts = this.access.visibleCohorts(viewer);
		if (cohorts.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Long>> learnersByCohort = learnersByCohort(cohorts);
		Map<Long, CurriculumTree> trees = trees(cohorts);
		Instant cutoff = inactiveCutoff(INACTIVE_DAYS);
		List<CohortSummary> summaries = new ArrayList<>();
		for (Cohort cohort : cohorts) {
			CurriculumTree curriculum = trees.get(cohort.getCurriculumId());
			List<Long> ids = learnersByCohort.getOrDefault(cohort.getId(), List.of());
			List<LearnerStanding> standings = this.progress.standings(curriculum, ids, cohort.getStartDate(), zone);
			int average = standings.isEmpty() ? 0
					: (int) Math.round(standings.stream().mapToInt(LearnerStanding::percent).average().orElse(0));
			summaries.add(new CohortSummary(cohort.getId(), cohort.getName(), curriculum.slug(), curriculum.title(),
					cohort.getStartDate(), ids.size(), average,
					(int) standings.stream().filter((s) -> s.pace().isBehind()).count(),
					(int) standings.stream().filter((s) -> s.inactiveSince(cutoff)).count(),
					standings.stream().mapToInt(LearnerStanding::reviewsWaiting).sum()));
		}
		return summaries;
	}

	/** One page of the cohort's table, filtered and sorted as asked. */
	CohortView cohort(long viewerId, long cohortId, CohortQuery query, ZoneId zone) {
		Member viewer = this.access.mentor(viewerId);
		Cohort cohort = this.access.visibleCohort(viewer, cohortId);
		CurriculumTree curriculum = tree(cohort);
		List<Long> ids = this.learners.findLearnerIds(cohort.getId());
		Set<Long> people = new LinkedHashSet<>(ids);
		people.addAll(cohort.getMentorIds());
		Map<Long, Member> members = this.accounts.members(people);
		List<LearnerStanding> standings = this.progress.standings(curriculum, ids, cohort.getStartDate(), zone);
		List<CohortRow> all = standings.stream()
			.filter((standing) -> members.containsKey(standing.learnerId()))
			.map((standing) -> new CohortRow(members.get(standing.learnerId()), standing))
			.toList();
		List<CohortRow> matching = all.stream().filter(filter(query)).sorted(query.comparator()).toList();
		// A page past the end, from an old link, shows the last one.
		int lastPage = Math.max(1, (matching.size() + CohortQuery.PAGE_SIZE - 1) / CohortQuery.PAGE_SIZE);
		query = query.onPage(Math.min(query.page(), lastPage));
		int from = (query.page() - 1) * CohortQuery.PAGE_SIZE;
		List<CohortRow> page = matching.subList(from, Math.min(from + CohortQuery.PAGE_SIZE, matching.size()));
		List<Member> mentors = cohort.getMentorIds()
			.stream()
			.map(members::get)
			.filter((member) -> member != null)
			.sorted((a, b) -> a.displayName().compareToIgnoreCase(b.displayName()))
			.toList();
		return new CohortView(cohort.getId(), cohort.getName(), cohort.getStartDate(), cohort.getInviteCode(), mentors,
				curriculum, query, List.copyOf(page), all.size(), matching.size(),
				Distribution.of(all, curriculum.weekCount()));
	}

	/**
	 * Every row of the cohort that passes the filters, in the query's order, for the API.
	 */
	CohortExport export(long viewerId, long cohortId, CohortQuery query, ZoneId zone) {
		List<CohortRow> rows = new ArrayList<>();
		CurriculumTree curriculum = stream(viewerId, cohortId, query, zone, rows::add);
		return new CohortExport(curriculum, rows);
	}

	/**
	 * Hands every row that passes the filters to the sink, in the query's order, holding
	 * only a slim summary of each learner at a time: the order is found on summaries
	 * without their weeks, then the weeks are read again {@link ProgressReports#BATCH}
	 * learners at a time as the rows go out. Memory stays flat however large the cohort.
	 * @param header called with the curriculum once access is granted, before any row
	 * @return the cohort's curriculum
	 */
	CurriculumTree stream(long viewerId, long cohortId, CohortQuery query, ZoneId zone, Consumer<CurriculumTree> header,
			Consumer<CohortRow> sink) {
		Member viewer = this.access.mentor(viewerId);
		Cohort cohort = this.access.visibleCohort(viewer, cohortId);
		CurriculumTree curriculum = tree(cohort);
		header.accept(curriculum);
		List<Long> ids = this.learners.findLearnerIds(cohort.getId());
		Predicate<CohortRow> filter = filter(query);
		List<CohortRow> order = new ArrayList<>();
		for (List<Long> batch : batches(ids)) {
			Map<Long, Member> members = this.accounts.members(batch);
			for (LearnerStanding standing : this.progress.standings(curriculum, batch, cohort.getStartDate(), zone)) {
				Member member = members.get(standing.learnerId());
				if (member != null && filter.test(new CohortRow(member, standing))) {
					order.add(new CohortRow(member, standing.withoutWeeks()));
				}
			}
		}
		order.sort(query.comparator());
		for (List<CohortRow> batch : batches(order)) {
			List<LearnerStanding> full = this.progress.standings(curriculum,
					batch.stream().map((row) -> row.member().id()).toList(), cohort.getStartDate(), zone);
			for (int i = 0; i < batch.size(); i++) {
				sink.accept(new CohortRow(batch.get(i).member(), full.get(i)));
			}
		}
		return curriculum;
	}

	private CurriculumTree stream(long viewerId, long cohortId, CohortQuery query, ZoneId zone,
			Consumer<CohortRow> sink) {
		return stream(viewerId, cohortId, query, zone, (curriculum) -> {
		}, sink);
	}

	private static <T> List<List<T>> batches(List<T> items) {
		List<List<T>> batches = new ArrayList<>();
		for (int from = 0; from < items.size(); from += ProgressReports.BATCH) {
			batches.add(items.subList(from, Math.min(from + ProgressReports.BATCH, items.size())));
		}
		return batches;
	}

	record CohortExport(CurriculumTree curriculum, List<CohortRow> rows) {
	}

	/** One learner of the cohort; anyone not in it is not found. */
	LearnerDetail learner(long viewerId, long cohortId, String username, ZoneId zone) {
		Member viewer = this.access.mentor(viewerId);
		Cohort cohort = this.access.visibleCohort(viewer, cohortId);
		Member learner = this.access.learnerOf(cohort, username);
		CurriculumTree curriculum = tree(cohort);
		LearnerReport report = this.progress.learner(curriculum, learner.id(), cohort.getStartDate(), zone)
			.orElseThrow(() -> new NotFoundException("'" + username + "' is not enrolled"));
		Set<Long> reviewerIds = report.evidence()
			.stream()
			.map(EvidenceView::reviewerId)
			.filter((id) -> id != null)
			.collect(Collectors.toSet());
		return new LearnerDetail(cohort.getId(), cohort.getName(), learner, report, this.accounts.members(reviewerIds));
	}

	/** Evidence waiting in all the viewer's cohorts, oldest first. */
	ReviewQueue reviews(long viewerId) {
		Member viewer = this.access.mentor(viewerId);
		List<Cohort> cohorts = this.access.visibleCohorts(viewer);
		if (cohorts.isEmpty()) {
			return new ReviewQueue(List.of());
		}
		Map<Long, List<Long>> learnersByCohort = learnersByCohort(cohorts);
		Set<Long> learnerIds = learnersByCohort.values()
			.stream()
			.flatMap(List::stream)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		Set<Long> curriculumIds = cohorts.stream().map(Cohort::getCurriculumId).collect(Collectors.toSet());
		List<EvidenceView> waiting = this.reviews.waiting(curriculumIds, learnerIds);
		if (waiting.isEmpty()) {
			return new ReviewQueue(List.of());
		}
		Map<Long, Member> members = this.accounts
			.members(waiting.stream().map(EvidenceView::learnerId).collect(Collectors.toSet()));
		Map<Long, CurriculumTree> trees = trees(cohorts);
		List<ReviewQueue.Entry> entries = new ArrayList<>();
		for (EvidenceView evidence : waiting) {
			// The query matches learners and curricula separately; keep only pairs that
			// meet in one of the viewer's cohorts.
			cohorts.stream()
				.filter((cohort) -> cohort.getCurriculumId() == evidence.curriculumId()
						&& learnersByCohort.getOrDefault(cohort.getId(), List.of()).contains(evidence.learnerId()))
				.findFirst()
				.ifPresent((cohort) -> {
					CurriculumTree curriculum = trees.get(cohort.getCurriculumId());
					WeekView week = curriculum.weekOf(evidence.itemId()).orElse(null);
					String task = (week == null) ? "" : week.task(evidence.itemId()).map((t) -> t.text()).orElse("");
					entries.add(new ReviewQueue.Entry(evidence, members.get(evidence.learnerId()), cohort.getId(),
							cohort.getName(), week, task));
				});
		}
		return new ReviewQueue(List.copyOf(entries));
	}

	/** The cohort and learner a review is for, checked against the viewer's scope. */
	ReviewTarget reviewTarget(long viewerId, long cohortId, String username) {
		Member viewer = this.access.mentor(viewerId);
		Cohort cohort = this.access.visibleCohort(viewer, cohortId);
		Member learner = this.access.learnerOf(cohort, username);
		return new ReviewTarget(viewer, cohort.getCurriculumId(), learner);
	}

	record ReviewTarget(Member reviewer, long curriculumId, Member learner) {
	}

	private Predicate<CohortRow> filter(CohortQuery query) {
		Instant cutoff = (query.inactiveDays() != null) ? inactiveCutoff(query.inactiveDays()) : null;
		return (row) -> (!query.behind() || row.standing().pace().isBehind())
				&& (cutoff == null || row.standing().inactiveSince(cutoff)) && (query.week() == null
						|| (row.standing().enrolled() && row.standing().currentWeek() == query.week()));
	}

	private Instant inactiveCutoff(int days) {
		return this.clock.instant().minus(Duration.ofDays(days));
	}

	private Map<Long, List<Long>> learnersByCohort(Collection<Cohort> cohorts) {
		Map<Long, List<Long>> byCohort = new LinkedHashMap<>();
		this.learners.findByCohortIds(cohorts.stream().map(Cohort::getId).toList())
			.stream()
			.sorted((a, b) -> a.getJoinedAt().compareTo(b.getJoinedAt()))
			.forEach((learner) -> byCohort.computeIfAbsent(learner.getCohortId(), (id) -> new ArrayList<>())
				.add(learner.getLearnerId()));
		return byCohort;
	}

	private Map<Long, CurriculumTree> trees(Collection<Cohort> cohorts) {
		List<Long> ids = cohorts.stream().map(Cohort::getCurriculumId).distinct().toList();
		return this.catalog.trees(ids).stream().collect(Collectors.toMap(CurriculumTree::id, Function.identity()));
	}

	private CurriculumTree tree(Cohort cohort) {
		return this.catalog.trees(List.of(cohort.getCurriculumId()))
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("No curriculum " + cohort.getCurriculumId()));
	}

}
