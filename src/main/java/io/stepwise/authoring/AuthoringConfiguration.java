package io.stepwise.authoring;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BundledCurricula.Settings.class)
class AuthoringConfiguration {

	@Bean
	MarkdownCurriculumParser markdownCurriculumParser() {
		return new MarkdownCurriculumParser();
	}

	@Bean
	MarkdownCurriculumWriter markdownCurriculumWriter() {
		return new MarkdownCurriculumWriter();
	}

}
