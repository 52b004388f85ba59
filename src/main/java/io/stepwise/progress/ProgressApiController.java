package io.stepwise.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.stepwise.account.AccountUser;
import io.stepwise.curriculum.CurriculumTree.WeekView;
import io.stepwise.system.StartDate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Progress", description = "The logged-in learner's enrollments and check-offs. Writes need the "
		+ "session cookie and the CSRF token from the page's _csrf meta tag, sent in the header it names.")
class ProgressApiController {

	private final ProgressService progress;

	ProgressApiController(ProgressService progress) {
		this.progress = progress;
	}

	@PostMapping("/curricula/{slug}/enrollment")
	@Operation(summary = "Enroll in a curriculum",
			description = "Idempotent: enrolling again keeps the first enrollment and its start date.")
	@ApiResponse(responseCode = "201", description = "Enrolled")
	@ApiResponse(responseCode = "200", description = "Already enrolled; nothing changed")
	@ApiResponse(responseCode = "400",
			description = "A start date before 2000 or more than five years ahead, or a body that is not an enrollment")
	ResponseEntity<EnrollmentJson> enroll(@AuthenticationPrincipal AccountUser learner, @PathVariable String slug,
			@Valid @RequestBody(required = false) EnrollmentRequest request) {
		LocalDate start = this.progress.startDate((request != null) ? request.startDate() : null, learner.zone());
		ProgressService.EnrollmentResult result = this.progress.enroll(learner.id(), slug, start);
		return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(new EnrollmentJson(slug, result.startDate()));
	}

	@GetMapping("/me/progress/{slug}")
	@Operation(summary = "The learner's progress on a curriculum")
	ProgressJson progress(@AuthenticationPrincipal AccountUser learner, @PathVariable String slug) {
		CurriculumProgress state = this.progress.enrolledProgress(learner.id(), slug, learner.zone());
		WeekView current = state.currentWeek();
		return new ProgressJson(slug, state.startDate(), state.percent(), (current != null) ? current.number() : null,
				state.curriculum().weeks().stream().map((week) -> WeekJson.of(week, state)).toList());
	}

	@PutMapping("/me/progress/{slug}/items/{id}")
	@Operation(summary = "Mark an item done or not done",
			description = "Idempotent. Refused with 409 when an earlier week is unfinished; nothing is written then.")
	@ApiResponse(responseCode = "200", description = "The item's new state and its week's")
	@ApiResponse(responseCode = "409", description = "The week is locked, or the learner is not enrolled")
	@ApiResponse(responseCode = "404", description = "No such item in this curriculum")
	ItemJson setDone(@AuthenticationPrincipal AccountUser learner, @PathVariable String slug, @PathVariable long id,
			@Valid @RequestBody DoneRequest request) {
		ProgressService.ItemChange change = this.progress.setDone(learner.id(), slug, id, request.done());
		CurriculumProgress state = change.view(this.progress.today(learner.zone()), learner.zone());
		WeekJson week = WeekJson.of(change.outcome().week(), state);
		return week.items().stream().filter((item) -> item.id() == id).findFirst().orElseThrow().withWeek(week);
	}

	record EnrollmentRequest(@StartDate LocalDate startDate) {
	}

	record EnrollmentJson(String slug, LocalDate startDate) {
	}

	record DoneRequest(@NotNull Boolean done) {
	}

	record ProgressJson(String slug, LocalDate startDate, int percent, Integer currentWeek, List<WeekJson> weeks) {
	}

	/**
	 * @param unfinishedWeek the earlier week that keeps this one locked, when locked
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record WeekJson(long id, int number, boolean finished, boolean locked, Integer unfinishedWeek, Instant finishedAt,
			int done, int required, List<ItemJson> items) {

		static WeekJson of(WeekView week, CurriculumProgress state) {
			WeekProgress progress = state.week(week.id());
			List<ItemJson> items = Stream
				.concat(week.skills().stream().map((skill) -> ItemJson.of(skill.id(), "skill", state)),
						week.tasks().stream().map((task) -> ItemJson.of(task.id(), "task", state)))
				.toList();
			return new WeekJson(week.id(), week.number(), progress.isFinished(), progress.isLocked(),
					progress.isLocked() ? progress.unfinishedWeek() : null,
					(progress.finishedAt() != null) ? progress.finishedAt().toInstant() : null, progress.done(),
					progress.required(), items);
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ItemJson(long id, String kind, boolean done, Instant doneAt, WeekJson week) {

		static ItemJson of(long id, String kind, CurriculumProgress state) {
			return new ItemJson(id, kind, state.isDone(id),
					(state.doneAt(id) != null) ? state.doneAt(id).toInstant() : null, null);
		}

		ItemJson withWeek(WeekJson week) {
			return new ItemJson(this.id, this.kind, this.done, this.doneAt, week);
		}

	}

}
