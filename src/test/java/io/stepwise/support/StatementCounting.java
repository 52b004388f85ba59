package io.stepwise.support;

import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import io.stepwise.curriculum.CurriculumCaches;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.DataSourceQueryCountListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the application sends, so a test can pin how many a page
 * needs. Import it and use {@link StatementCounter}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounting {

	@Bean
	static BeanPostProcessor countingDataSource() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
					return ProxyDataSourceBuilder.create(dataSource)
						.name("counted")
						.listener(new PageStatementsListener())
						.build();
				}
				return bean;
			}

		};
	}

	/**
	 * Counts what a page asks of the database, leaving out Spring Session's reads and
	 * writes of the session itself (its row read at the start of a request with a
	 * session, written at the end): the same couple of statements on every page, whatever
	 * the page shows.
	 */
	static final class PageStatementsListener extends DataSourceQueryCountListener {

		@Override
		public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
			boolean session = queries.stream()
				.anyMatch((query) -> query.getQuery().toLowerCase(Locale.ROOT).contains("spring_session"));
			if (!session) {
				super.afterQuery(execution, queries);
			}
		}

	}

	@Bean
	StatementCounter statementCounter(CurriculumCaches caches) {
		return new StatementCounter(caches);
	}

}
