package io.stepwise.system;

import java.util.Comparator;
import java.util.List;

import jakarta.persistence.PersistenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the JSON API as an RFC 9457 problem detail. Features throw
 * {@link NotFoundException} and {@link ConflictException}, which know nothing of HTTP; an
 * {@link AccessDeniedException} from a scope read in the database (a mentor whose role
 * was taken away) is a 403; invalid request bodies are a 400 naming each field; anything
 * unexpected becomes a 500 that tells nothing about the internals.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final DatabaseOutage outage;

	ApiExceptionHandler(DatabaseOutage outage) {
		this.outage = outage;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle(ex.title());
		ex.properties().forEach(problem::setProperty);
		return problem;
	}

	// Thrown past the URL rules, by a feature that reads the caller's role from the
	// database; without this it would be an unexpected 500.
	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(AccessDeniedException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Not allowed: your account may not do this.");
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = ex.getFieldErrors()
			.stream()
			.map((error) -> new FieldProblem(error.getField(),
					(error.getDefaultMessage() != null) ? error.getDefaultMessage() : error.getCode()))
			.sorted(Comparator.comparing(FieldProblem::field))
			.toList();
		ex.getBody().setProperty("errors", errors);
		return super.handleMethodArgumentNotValid(ex, headers, status, request);
	}

	// Jackson's own message can quote the body; say what was wrong in our words.
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (BodyTooLargeException.in(ex)) {
			return handleExceptionInternal(ex,
					ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, BodySizeFilter.DETAIL), headers,
					HttpStatus.CONTENT_TOO_LARGE, request);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, UnreadableBody.detail(ex));
		List<FieldProblem> errors = UnreadableBody.errors(ex);
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	/** One refused field of a request body, as the {@code errors} member lists them. */
	record FieldProblem(String field, String message) {
	}

	/**
	 * A database that cannot be reached is a 503 with Retry-After, as the outage filter
	 * answers; any other data access failure is unexpected.
	 */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class, PersistenceException.class })
	ResponseEntity<ProblemDetail> dataAccess(Exception ex) {
		if (!DatabaseUnavailable.causedBy(ex)) {
			return ResponseEntity.internalServerError().body(unexpected(ex));
		}
		this.outage.log(ex);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, this.outage.retryAfter())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.DETAIL));
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected error in an API call", ex);
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side. Please try again.");
	}

}
