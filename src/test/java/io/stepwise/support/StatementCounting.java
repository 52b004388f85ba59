package io.stepwise.support;

import javax.sql.DataSource;

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
					return ProxyDataSourceBuilder.create(dataSource).name("counted").countQuery().build();
				}
				return bean;
			}

		};
	}

	@Bean
	StatementCounter statementCounter() {
		return new StatementCounter();
	}

}
