package io.stepwise.cohort;

import java.util.Comparator;
import java.util.Locale;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Filters, sort and page of a cohort view, as they travel in the query string so that a
 * filtered view is a link. Values out of range are dropped, not refused: a link typed by
 * hand still opens the cohort.
 *
 * @param behind only learners behind the cohort's pace
 * @param inactiveDays only learners with no activity for this many days, or null
 * @param week only learners whose current week is this one, or null
 * @param sort the column, {@link Sort#NAME} by default
 * @param descending the reverse order of the column's natural one
 * @param page 1-based
 */
record CohortQuery(boolean behind, Integer inactiveDays, Integer week, Sort sort, boolean descending, int page) {

	static final int PAGE_SIZE = 50;

	static final int MAX_INACTIVE_DAYS = 3650;

	enum Sort {

		NAME(Comparator.comparing((CohortRow row) -> row.member().displayName().toLowerCase(Locale.ROOT))),

		PROGRESS(Comparator.comparingInt((CohortRow row) -> row.standing().percent())),

		WEEK(Comparator.comparingInt((CohortRow row) -> row.weekOrder())),

		PACE(Comparator.comparingInt((CohortRow row) -> row.standing().pace().signedWeeks())),

		ACTIVITY(Comparator.comparing((CohortRow row) -> row.standing().lastActivity(),
				Comparator.nullsFirst(Comparator.naturalOrder()))),

		REVIEWS(Comparator.comparingInt((CohortRow row) -> row.standing().reviewsWaiting()));

		final Comparator<CohortRow> order;

		Sort(Comparator<CohortRow> order) {
			this.order = order.thenComparing((CohortRow row) -> row.member().username());
		}

		public String param() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** From the query string's raw values; anything that is not a number is dropped. */
	static CohortQuery parse(String behind, String inactive, String week, String sort, String page) {
		return of("true".equals(behind), number(inactive), number(week), sort, number(page));
	}

	private static Integer number(String text) {
		if (text == null || !text.matches("\\d{1,9}")) {
			return null;
		}
		return Integer.valueOf(text);
	}

	static CohortQuery of(Boolean behind, Integer inactive, Integer week, String sort, Integer page) {
		boolean descending = sort != null && sort.startsWith("-");
		String column = (sort == null) ? "" : (descending ? sort.substring(1) : sort);
		Sort parsed = Sort.NAME;
		for (Sort candidate : Sort.values()) {
			if (candidate.param().equals(column)) {
				parsed = candidate;
			}
		}
		Integer inactiveDays = (inactive != null && inactive > 0 && inactive <= MAX_INACTIVE_DAYS) ? inactive : null;
		Integer onWeek = (week != null && week > 0) ? week : null;
		int onPage = (page != null && page > 0) ? page : 1;
		return new CohortQuery(Boolean.TRUE.equals(behind), inactiveDays, onWeek, parsed, descending, onPage);
	}

	static CohortQuery all() {
		return new CohortQuery(false, null, null, Sort.NAME, false, 1);
	}

	public boolean isFiltered() {
		return this.behind || this.inactiveDays != null || this.week != null;
	}

	Comparator<CohortRow> comparator() {
		return this.descending ? this.sort.order.reversed() : this.sort.order;
	}

	public String sortParam() {
		return (this.descending ? "-" : "") + this.sort.param();
	}

	/** The same view on another page. */
	public CohortQuery onPage(int page) {
		return new CohortQuery(this.behind, this.inactiveDays, this.week, this.sort, this.descending, page);
	}

	/** As {@link #sortedBy(Sort)}, by the column's name in the query string. */
	public CohortQuery sortedBy(String column) {
		for (Sort candidate : Sort.values()) {
			if (candidate.param().equals(column)) {
				return sortedBy(candidate);
			}
		}
		throw new IllegalArgumentException("No column " + column);
	}

	/** The same filters sorted by a column: ascending first, reversed when already so. */
	public CohortQuery sortedBy(Sort column) {
		boolean reverse = column == this.sort && !this.descending;
		return new CohortQuery(this.behind, this.inactiveDays, this.week, column, reverse, 1);
	}

	/** The query string of this view, with only what differs from the defaults. */
	public String queryString() {
		UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
		if (this.behind) {
			uri.queryParam("behind", true);
		}
		if (this.inactiveDays != null) {
			uri.queryParam("inactive", this.inactiveDays);
		}
		if (this.week != null) {
			uri.queryParam("week", this.week);
		}
		if (this.sort != Sort.NAME || this.descending) {
			uri.queryParam("sort", sortParam());
		}
		if (this.page > 1) {
			uri.queryParam("page", this.page);
		}
		String query = uri.build().getQuery();
		return (query != null) ? "?" + query : "";
	}

}
