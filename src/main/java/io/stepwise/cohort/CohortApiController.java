package io.stepwise.cohort;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.stepwise.account.AccountUser;
import io.stepwise.account.Member;
import io.stepwise.progress.LearnerStanding;
import io.stepwise.progress.WeekCell;
import io.stepwise.system.PlainText;
import io.stepwise.system.StartDate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/cohorts")
@Tag(name = "Cohorts", description = "Mentors read the cohorts they mentor; admins read every cohort and manage "
		+ "them. Who may see a cohort is read from the database on every call: a cohort outside the caller's scope "
		+ "is a 404, and a mentor whose role was taken away gets 403 at once. Writes need the session cookie and the "
		+ "CSRF token from the page's _csrf meta tag, sent in the header it names.")
class CohortApiController {

	private final CohortReports reports;

	private final CohortService cohorts;

	private final CohortAdministration administration;

	CohortApiController(CohortReports reports, CohortService cohorts, CohortAdministration administration) {
		this.reports = reports;
		this.cohorts = cohorts;
		this.administration = administration;
	}

	@GetMapping
	@Operation(summary = "The caller's cohorts with their numbers",
			description = "A mentor gets the cohorts they mentor, an admin every cohort. Pace and activity are "
					+ "measured from each cohort's start date, in the caller's time zone.")
	@ApiResponse(responseCode = "200", description = "The cohorts, by name")
	@ApiResponse(responseCode = "403", description = "The caller may not mentor (any more)")
	List<CohortJson> list(@AuthenticationPrincipal AccountUser viewer) {
		return this.reports.cohorts(viewer.id(), viewer.zone()).stream().map(CohortJson::of).toList();
	}

	@GetMapping("/{id}/progress")
	@Operation(summary = "Every learner of a cohort with their progress, week by week",
			description = "Filters and sort as on the cohort page. All matching learners, not one page of them.")
	@ApiResponse(responseCode = "200", description = "One row per learner")
	@ApiResponse(responseCode = "404", description = "No such cohort, or not one the caller mentors")
	@ApiResponse(responseCode = "403", description = "The caller may not mentor (any more)")
	CohortProgressJson progress(@AuthenticationPrincipal AccountUser viewer, @PathVariable long id,
			@Parameter(description = "Only learners behind the cohort's pace") @RequestParam(
					required = false) Boolean behind,
			@Parameter(description = "Only learners without activity for this many days") @RequestParam(
					required = false) Integer inactive,
			@Parameter(description = "Only learners whose current week is this one") @RequestParam(
					required = false) Integer week,
			@Parameter(description = "name, progress, week, pace, activity or reviews; a leading - reverses "
					+ "it") @RequestParam(required = false) String sort) {
		CohortReports.CohortExport export = this.reports.export(viewer.id(), id,
				CohortQuery.of(behind, inactive, week, sort, null), viewer.zone());
		return new CohortProgressJson(id, export.curriculum().slug(),
				export.rows().stream().map(CohortLearnerJson::of).toList());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One cohort as an admin manages it: its invite code and mentors")
	@ApiResponse(responseCode = "200", description = "The cohort")
	@ApiResponse(responseCode = "404", description = "No such cohort")
	CohortDetailJson cohort(@PathVariable long id) {
		return CohortDetailJson.of(this.administration.cohort(id));
	}

	@PostMapping
	@Operation(summary = "Create a cohort", description = "The answer carries the invite code to share.")
	@ApiResponse(responseCode = "201", description = "Created; Location names the cohort")
	@ApiResponse(responseCode = "400",
			description = "A field is missing or invalid, or the curriculum is unknown; " + "errors names each field")
	ResponseEntity<CreatedCohortJson> create(@Valid @RequestBody CreateCohortRequest request,
			UriComponentsBuilder uri) {
		Cohort cohort = this.cohorts.create(request.toCommand());
		URI location = uri.path("/api/v1/cohorts/{id}").buildAndExpand(cohort.getId()).toUri();
		return ResponseEntity.created(location).body(CreatedCohortJson.of(cohort, request.curriculum()));
	}

	@PostMapping("/{id}/invite-code")
	@Operation(summary = "Replace the invite code", description = "Links with the old code stop working at once.")
	@ApiResponse(responseCode = "200", description = "The new code")
	@ApiResponse(responseCode = "404", description = "No such cohort")
	InviteCodeJson regenerateInviteCode(@PathVariable long id) {
		return new InviteCodeJson(this.cohorts.regenerateInviteCode(id).getInviteCode());
	}

	@PutMapping("/{id}/mentors/{username}")
	@Operation(summary = "Make a user a mentor of the cohort",
			description = "Idempotent. A learner gets the MENTOR role; a mentor or admin keeps theirs.")
	@ApiResponse(responseCode = "200", description = "The mentor, with their role after the change")
	@ApiResponse(responseCode = "404", description = "No such cohort or user")
	CohortMemberJson addMentor(@PathVariable long id, @PathVariable String username) {
		return CohortMemberJson.of(this.cohorts.addMentor(id, username));
	}

	@DeleteMapping("/{id}/mentors/{username}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a mentor from the cohort",
			description = "Idempotent. The user keeps their role; they lose access to this cohort at once.")
	@ApiResponse(responseCode = "204", description = "Not a mentor of the cohort (any more)")
	@ApiResponse(responseCode = "404", description = "No such cohort or user")
	void removeMentor(@PathVariable long id, @PathVariable String username) {
		this.cohorts.removeMentor(id, username);
	}

	@PutMapping("/{id}/learners/{username}")
	@Operation(summary = "Add a learner to the cohort",
			description = "Idempotent. Enrolls them with the cohort's start date when they do not follow its "
					+ "curriculum yet; an existing enrollment keeps its own start date and progress.")
	@ApiResponse(responseCode = "200", description = "The learner")
	@ApiResponse(responseCode = "404", description = "No such cohort or user")
	CohortMemberJson addLearner(@PathVariable long id, @PathVariable String username) {
		return CohortMemberJson.of(this.cohorts.addLearner(id, username));
	}

	@DeleteMapping("/{id}/learners/{username}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a learner from the cohort",
			description = "Idempotent. Their enrollment and progress stay; only the membership goes.")
	@ApiResponse(responseCode = "204", description = "Not a learner of the cohort (any more)")
	@ApiResponse(responseCode = "404", description = "No such cohort or user")
	void removeLearner(@PathVariable long id, @PathVariable String username) {
		this.cohorts.removeLearner(id, username);
	}

	/** An unknown curriculum is bad input of the request, like an invalid field. */
	@ExceptionHandler(UnknownCurriculumException.class)
	ProblemDetail unknownCurriculum(UnknownCurriculumException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid request content.");
		problem.setProperty("errors", List.of(new FieldErrorJson("curriculum", ex.getMessage())));
		return problem;
	}

	/**
	 * @param curriculum the slug of the curriculum
	 */
	record CreateCohortRequest(
			@NotBlank(message = "{admin.cohort.name.required}") @Size(max = 100,
					message = "{admin.cohort.name.tooLong}") @PlainText String name,
			@NotBlank(message = "{admin.cohort.curriculum.required}") String curriculum,
			@NotNull(message = "{admin.cohort.startDate.required}") @StartDate LocalDate startDate) {

		CreateCohort toCommand() {
			return new CreateCohort(this.name, this.curriculum, this.startDate);
		}

	}

	record FieldErrorJson(String field, String message) {
	}

	/**
	 * @param curriculum the slug of the curriculum
	 * @param behind learners behind the cohort's pace
	 * @param inactive learners without activity for 7 days
	 */
	record CohortJson(long id, String name, String curriculum, LocalDate startDate, int size, int averagePercent,
			int behind, int inactive, int reviewsWaiting) {

		static CohortJson of(CohortSummary summary) {
			return new CohortJson(summary.id(), summary.name(), summary.curriculumSlug(), summary.startDate(),
					summary.size(), summary.averagePercent(), summary.behind(), summary.inactive(),
					summary.reviewsWaiting());
		}

	}

	record CohortProgressJson(long id, String curriculum, List<CohortLearnerJson> learners) {
	}

	/**
	 * @param enrolled false for a member who does not follow the curriculum: every week
	 * is then not started
	 * @param currentWeek the first unfinished week; null when every week is finished
	 * @param paceWeeks weeks ahead of the cohort's plan as a positive number, behind as a
	 * negative one
	 */
	record CohortLearnerJson(String username, String displayName, boolean enrolled, int percent, Integer currentWeek,
			@Schema(description = "Weeks ahead (+) or behind (-) the cohort's plan") int paceWeeks,
			Instant lastActivity, int reviewsWaiting, List<WeekCellJson> weeks) {

		static CohortLearnerJson of(CohortRow row) {
			LearnerStanding standing = row.standing();
			return new CohortLearnerJson(row.member().username(), row.member().displayName(), standing.enrolled(),
					standing.percent(), standing.isFinished() ? null : standing.currentWeek(),
					standing.pace().signedWeeks(), standing.lastActivity(), standing.reviewsWaiting(),
					standing.weeks().stream().map(WeekCellJson::of).toList());
		}

	}

	/**
	 * @param state finished, in_progress, not_started or locked
	 */
	record WeekCellJson(int number, @Schema(allowableValues = {
			"finished", "in_progress", "not_started", "locked" }) String state, Instant finishedAt){

		static WeekCellJson of(WeekCell cell) {
			return new WeekCellJson(cell.number(), cell.state().code(), cell.finishedAt());
		}

	}

	record CreatedCohortJson(long id, String name, String curriculum, LocalDate startDate, String inviteCode) {

		static CreatedCohortJson of(Cohort cohort, String curriculum) {
			return new CreatedCohortJson(cohort.getId(), cohort.getName(), curriculum, cohort.getStartDate(),
					cohort.getInviteCode());
		}

	}

	record CohortDetailJson(long id, String name, String curriculum, LocalDate startDate, String inviteCode, int size,
			List<CohortMemberJson> mentors) {

		static CohortDetailJson of(CohortAdministration.CohortDetail cohort) {
			return new CohortDetailJson(cohort.id(), cohort.name(), cohort.curriculum().slug(), cohort.startDate(),
					cohort.inviteCode(), cohort.learners().size(),
					cohort.mentors().stream().map(CohortMemberJson::of).toList());
		}

	}

	record InviteCodeJson(String inviteCode) {
	}

	record CohortMemberJson(String username, String displayName, String role) {

		static CohortMemberJson of(Member member) {
			return new CohortMemberJson(member.username(), member.displayName(), member.role().name());
		}

	}

}
