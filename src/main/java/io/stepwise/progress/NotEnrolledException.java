package io.stepwise.progress;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Progress asked for or written on a curriculum the learner has not enrolled in. */
class NotEnrolledException extends ErrorResponseException {

	NotEnrolledException(String slug) {
		super(HttpStatus.CONFLICT, problem(slug), null);
	}

	private static ProblemDetail problem(String slug) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"You are not enrolled in '" + slug + "'. Enroll first.");
		problem.setTitle("Not enrolled");
		return problem;
	}

}
