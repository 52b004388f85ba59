package io.stepwise.demo;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

/**
 * Who is in the demo cohort and how far each got. Fixed, so that every first start seeds
 * the same spread: two learners ahead of the cohort's pace, four around it, five behind
 * (three of them quiet for more than a week) and one who joined late and has not started.
 */
final class DemoCast {

	static final String SYLLABUS = "django-24-week-syllabus";

	static final String COHORT = "Demo cohort: Django syllabus";

	/** How long before today the cohort started. */
	static final int WEEKS_RUNNING = 8;

	static final Person MENTOR = new Person("mentor", "Mina Mentor", "Europe/Berlin");

	static final List<Learner> LEARNERS = List.of(
			new Learner(new Person("amara", "Amara Okafor", "Africa/Lagos"), 10, 1, 0),
			new Learner(new Person("ben", "Ben Carter", "Europe/London"), 9, 2, 0),
			new Learner(new Person("chloe", "Chloe Dubois", "Europe/Berlin"), 8, 1, 0),
			new Learner(new Person("diego", "Diego Alvarez", "America/New_York"), 8, 3, 0),
			new Learner(new Person("emma", "Emma Fischer", "Europe/Berlin"), 8, 2, 0),
			new Learner(new Person("farah", "Farah Haddad", "UTC"), 7, 1, 0),
			new Learner(new Person("grace", "Grace Liu", "America/New_York"), 5, 4, 0),
			new Learner(new Person("hamid", "Hamid Rahimi", "UTC"), 4, 12, 0),
			new Learner(new Person("isha", "Isha Patel", "Asia/Kolkata"), 3, 2, 0),
			new Learner(new Person("jonas", "Jonas Berg", "Europe/Berlin"), 6, 16, 0),
			new Learner(new Person("kofi", "Kofi Mensah", "Africa/Lagos"), 2, 19, 0),
			new Learner(new Person("lena", "Lena Novak", "Europe/London"), 0, 0, 5));

	/**
	 * Evidence on project tasks of weeks the learners could work on: the older ones
	 * reviewed, the recent ones waiting.
	 */
	static final List<Submission> EVIDENCE = List.of(
			new Submission("amara", 9, 1, "tree/main/blog-api",
					"Blog API with class-based views; the permission tests are in blog/tests/test_api.py.",
					Review.ACCEPTED, "Tidy views, and the tests cover both roles. Accepted, nice work."),
			new Submission("amara", 10, 1, "pull/14", "JWT login and refresh for the Blog API, with a short README.",
					Review.NONE, null),
			new Submission("ben", 8, 1, "tree/main/recipes/api",
					"Serializers, viewsets and a router for recipes; the Postman collection is in docs/.",
					Review.ACCEPTED, "Clean serializers and a helpful Postman collection. Accepted."),
			new Submission("ben", 9, 2, "pull/9", "Role-based permissions: authors edit their posts, editors all.",
					Review.NONE, null),
			new Submission("chloe", 6, 1, "tree/main/recipes",
					"Recipe platform with profiles and image uploads (first version).", Review.CHANGES_REQUESTED,
					"Uploads work, but images are not checked for size or type. "
							+ "Validate them in the form, then send it again."),
			new Submission("chloe", 8, 1, "pull/11", "API endpoints for recipes, tested with Postman.", Review.NONE,
					null),
			new Submission("diego", 7, 1, "tree/main/recipes/notifications",
					"Email on every new recipe, sent from a post_save signal.", Review.NONE, null),
			new Submission("grace", 3, 1, "tree/main/todo",
					"To-do app with add, edit and delete; styled with Bootstrap.", Review.NONE, null));

	private DemoCast() {
	}

	/** The mentor first, then the learners. */
	static Stream<Person> people() {
		return Stream.concat(Stream.of(MENTOR), LEARNERS.stream().map(Learner::person));
	}

	record Person(String username, String displayName, String zone) {

		String email() {
			return this.username + "@demo.stepwise.invalid";
		}

		ZoneId zoneId() {
			return ZoneId.of(this.zone);
		}

	}

	/**
	 * @param weeksFinished the weeks done, from the first
	 * @param quietDays days since the last check-off
	 * @param joinedDaysAgo 0 for a learner enrolled from the cohort's start, otherwise
	 * how many days ago they joined
	 */
	record Learner(Person person, int weeksFinished, int quietDays, int joinedDaysAgo) {

		String username() {
			return this.person.username();
		}

	}

	enum Review {

		NONE, ACCEPTED, CHANGES_REQUESTED

	}

	/**
	 * @param week the week's number
	 * @param task the task's place in the week, from 1
	 * @param path where in the learner's portfolio repository the work is
	 * @param feedback the mentor's words, null when it waits for a review
	 */
	record Submission(String username, int week, int task, String path, String note, Review review, String feedback) {

		String url() {
			return "https://github.com/" + this.username + "/django-portfolio/" + this.path;
		}

	}

}
