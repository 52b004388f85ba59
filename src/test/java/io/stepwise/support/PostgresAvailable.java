package io.stepwise.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs PostgreSQL tests only where a server is at hand, and says clearly why they were
 * skipped otherwise.
 */
public class PostgresAvailable implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (PostgresDatabase.configuredUrl().isPresent()) {
			return ConditionEvaluationResult.enabled("PostgreSQL at " + PostgresDatabase.URL);
		}
		if (PostgresDatabase.dockerAvailable()) {
			return ConditionEvaluationResult.enabled("PostgreSQL in a Testcontainers container");
		}
		return ConditionEvaluationResult.disabled("Skipped: no PostgreSQL. Set " + PostgresDatabase.URL + " (and "
				+ PostgresDatabase.USER + ", " + PostgresDatabase.PASSWORD
				+ ") to a server, or run Docker for Testcontainers. `bash .ci/run` starts a local server.");
	}

}
