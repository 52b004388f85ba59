package io.stepwise.system;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;

import org.springframework.stereotype.Component;

/**
 * Times as the {@code datetime} attribute of {@code <time>} takes them: HTML allows at
 * most three digits of a second, and stored times carry six. Templates call it as
 * {@code ${@htmlTime.of(...)}}.
 */
@Component("htmlTime")
public class HtmlTime {

	public String of(TemporalAccessor value) {
		if (value instanceof Instant instant) {
			return instant.truncatedTo(ChronoUnit.SECONDS).toString();
		}
		if (value instanceof ZonedDateTime zoned) {
			return of(zoned.toOffsetDateTime());
		}
		if (value instanceof OffsetDateTime offset) {
			return offset.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		}
		return (value != null) ? value.toString() : null;
	}

}
