package io.stepwise.progress;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An item id that is not part of the curriculum asked about: a 404, whoever owns it. */
class ItemNotFoundException extends ErrorResponseException {

	ItemNotFoundException(long itemId) {
		super(HttpStatus.NOT_FOUND,
				ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No item " + itemId + " in this curriculum."),
				null);
	}

}
