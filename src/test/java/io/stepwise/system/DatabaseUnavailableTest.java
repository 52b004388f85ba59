package io.stepwise.system;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.ServletException;
import org.hibernate.TransactionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnavailableTest {

	@Test
	void aConnectionThatCannotBeHadIsUnavailabilityHoweverDeepItIsWrapped() {
		SQLTransientConnectionException timedOut = new SQLTransientConnectionException(
				"HikariPool-1 - Connection is not available, request timed out after 2000ms");
		assertThat(DatabaseUnavailable.causedBy(timedOut)).isTrue();
		assertThat(DatabaseUnavailable.causedBy(new CannotGetJdbcConnectionException("no connection", timedOut)))
			.isTrue();
		assertThat(DatabaseUnavailable.causedBy(new ServletException(
				new CannotCreateTransactionException("Could not open JPA EntityManager", timedOut))))
			.isTrue();
		assertThat(DatabaseUnavailable.causedBy(new IllegalStateException(new RuntimeException(timedOut)))).isTrue();
	}

	@Test
	void aLostConnectionIsUnavailability() {
		assertThat(DatabaseUnavailable.causedBy(new JDBCConnectionException("could not execute statement",
				new SQLException("An I/O error occurred while sending to the backend.", "08006"))))
			.isTrue();
		assertThat(DatabaseUnavailable.causedBy(
				new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01"))))
			.isTrue();
		// The pool closed the broken connection, and the rollback found it closed.
		assertThat(DatabaseUnavailable.causedBy(new TransactionException("Unable to rollback against JDBC Connection",
				new SQLException("Connection is closed"))))
			.isTrue();
	}

	@Test
	void otherDatabaseFailuresAreNotUnavailability() {
		assertThat(DatabaseUnavailable.causedBy(new DataIntegrityViolationException("duplicate key",
				new SQLException("duplicate key value violates unique constraint", "23505"))))
			.isFalse();
		assertThat(DatabaseUnavailable.causedBy(
				new PessimisticLockingFailureException("deadlock", new SQLException("deadlock detected", "40P01"))))
			.isFalse();
		assertThat(DatabaseUnavailable.causedBy(new TransactionException("Unable to commit against JDBC Connection",
				new SQLException("could not serialize access", "40001"))))
			.isFalse();
		assertThat(DatabaseUnavailable.causedBy(new SQLException("syntax error", "42601"))).isFalse();
		assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("a bug"))).isFalse();
	}

	@Test
	void aCauseChainWithALoopEnds() {
		RuntimeException first = new RuntimeException("first");
		RuntimeException second = new RuntimeException("second", first);
		first.initCause(second);
		assertThat(DatabaseUnavailable.causedBy(first)).isFalse();
	}

}
