package io.stepwise.system;

import java.io.IOException;

import jakarta.persistence.PersistenceException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Pages answer the features' refusals with the friendly error pages under
 * templates/error.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

	private final DatabaseOutage outage;

	PageExceptionHandler(DatabaseOutage outage) {
		this.outage = outage;
	}

	@ExceptionHandler(NotFoundException.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.NOT_FOUND.value());
	}

	@ExceptionHandler(ConflictException.class)
	void conflict(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.CONFLICT.value());
	}

	/**
	 * A database that cannot be reached gets the static outage page; any other data
	 * access failure goes on to the error page as before (rethrowing the same exception
	 * leaves it unhandled here).
	 */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class, PersistenceException.class })
	void dataAccess(Exception ex, HttpServletRequest request, HttpServletResponse response) throws Exception {
		if (!DatabaseUnavailable.causedBy(ex) || !this.outage.respond(request, response, ex)) {
			throw ex;
		}
	}

}
