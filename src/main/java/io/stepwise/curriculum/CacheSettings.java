package io.stepwise.curriculum;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds of what an instance keeps in memory of the curricula.
 *
 * @param trees how many assembled curricula (one per curriculum and version)
 * @param pages how much of anonymous visitors' pages, in bytes of HTML
 * @param recheck how long anonymous pages trust the versions they last read; an edit
 * reaches anonymous visitors at most this much later, on every instance
 */
@ConfigurationProperties("stepwise.curriculum.cache")
record CacheSettings(@DefaultValue("200") int trees, @DefaultValue("32MB") DataSize pages,
		@DefaultValue("1s") Duration recheck) {

}
