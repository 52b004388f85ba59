package io.stepwise.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A form or API call that hashes a password (sign-up, password change) while hashing is
 * busy: 503 with Retry-After, the friendly page or a problem detail, instead of a 500.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class HashingBusyHandler {

	private final SecurityEvents events;

	HashingBusyHandler(SecurityEvents events) {
		this.events = events;
	}

	@ExceptionHandler(HashingBusyException.class)
	ResponseEntity<ProblemDetail> busy(HashingBusyException ex, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		this.events.hashingBusy(null, request.getRemoteAddr());
		String seconds = Long.toString(ex.retryAfter().toSeconds());
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, seconds)
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
						"The server is busy. Please try again in a moment."));
		}
		response.setHeader(HttpHeaders.RETRY_AFTER, seconds);
		response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
		return null;
	}

}
