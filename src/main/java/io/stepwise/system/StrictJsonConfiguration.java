package io.stepwise.system;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON request bodies are read as written: a member the API does not know, a value of the
 * wrong type ({@code "true"} or {@code 2} for a boolean, {@code "5"} for a number, an
 * object for a text), a duplicate member or anything after the document is refused rather
 * than guessed at, so a client's mistake is a 400 and never a different write.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictJson() {
		return StrictJsonConfiguration::strict;
	}

	static void strict(JsonMapper.Builder builder) {
		builder
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
					DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
					DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			// A refusal names the place in the document, never quotes it.
			.disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION);
		refuse(builder, LogicalType.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float,
				CoercionInputShape.String, CoercionInputShape.EmptyString);
		refuse(builder, LogicalType.Integer, CoercionInputShape.Boolean, CoercionInputShape.Float,
				CoercionInputShape.String, CoercionInputShape.EmptyString);
		refuse(builder, LogicalType.Float, CoercionInputShape.Boolean, CoercionInputShape.String,
				CoercionInputShape.EmptyString);
		refuse(builder, LogicalType.Textual, CoercionInputShape.Boolean, CoercionInputShape.Integer,
				CoercionInputShape.Float, CoercionInputShape.Object, CoercionInputShape.Array);
	}

	private static void refuse(JsonMapper.Builder builder, LogicalType type, CoercionInputShape... shapes) {
		builder.withCoercionConfig(type, (config) -> {
			for (CoercionInputShape shape : shapes) {
				config.setCoercion(shape, CoercionAction.Fail);
			}
		});
	}

}
