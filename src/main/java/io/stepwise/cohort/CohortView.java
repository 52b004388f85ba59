package io.stepwise.cohort;

import java.time.LocalDate;
import java.util.List;

import io.stepwise.account.Member;
import io.stepwise.curriculum.CurriculumTree;

/**
 * One page of a cohort's learners-by-weeks table, with the filters that made it.
 *
 * @param rows the learners on this page
 * @param matching learners that pass the filters, on all pages
 * @param distribution where all the cohort's learners are, filters aside
 */
record CohortView(long id, String name, LocalDate startDate, String inviteCode, List<Member> mentors,
		CurriculumTree curriculum, CohortQuery query, List<CohortRow> rows, int size, int matching,
		Distribution distribution) {

	public int pages() {
		return Math.max(1, (this.matching + CohortQuery.PAGE_SIZE - 1) / CohortQuery.PAGE_SIZE);
	}

}
