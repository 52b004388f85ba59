package io.stepwise.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test that runs on PostgreSQL. Pair it with a {@code @DynamicPropertySource}
 * that calls {@link PostgresDatabase#configure}; the test is skipped, with the reason,
 * where no PostgreSQL is at hand.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("postgres")
@ExtendWith(PostgresAvailable.class)
public @interface PostgresTest {

}
