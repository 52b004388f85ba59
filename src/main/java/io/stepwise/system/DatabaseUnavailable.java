package io.stepwise.system;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

import org.hibernate.TransactionException;
import org.hibernate.exception.JDBCConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database that cannot be reached from every other failure. Only these become a
 * 503: a bug, a constraint or a bad query stays what it was, so an outage page never
 * hides one.
 */
final class DatabaseUnavailable {

	/**
	 * SQLState classes of a lost or refused connection (08) and of a server shutting down
	 * or restarting (57P01 to 57P03).
	 */
	private static final String CONNECTION_EXCEPTION = "08";

	private static final String OPERATOR_INTERVENTION = "57P0";

	private DatabaseUnavailable() {
	}

	/**
	 * Whether the failure, or any failure it was caused by, says that the database is
	 * unavailable: Spring's {@link DataAccessResourceFailureException} (which includes
	 * {@code CannotGetJdbcConnectionException}) and
	 * {@link CannotCreateTransactionException}, Hibernate's
	 * {@link JDBCConnectionException}, the pool's {@link SQLTransientConnectionException}
	 * when no connection came in time, a driver's connection SQLState, or a rollback that
	 * failed because the pool had closed the broken connection.
	 */
	static boolean causedBy(Throwable failure) {
		Map<Throwable, Boolean> seen = new IdentityHashMap<>();
		for (Throwable cause = failure; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof JDBCConnectionException || cause instanceof SQLTransientConnectionException) {
				return true;
			}
			if (cause instanceof SQLException sql && lostConnection(sql.getSQLState())) {
				return true;
			}
			if (cause instanceof TransactionException && cause.getCause() instanceof SQLException sql
					&& sql.getSQLState() == null) {
				// A rollback or commit that failed on the connection itself, without word
				// from a server: the pool had closed the connection it lost. (Word from
				// the server, such as a serialization failure, has its SQLState.)
				return true;
			}
		}
		return false;
	}

	private static boolean lostConnection(String sqlState) {
		return sqlState != null
				&& (sqlState.startsWith(CONNECTION_EXCEPTION) || sqlState.startsWith(OPERATOR_INTERVENTION));
	}

}
