package io.costlens.platform.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.stereotype.Component;

import io.costlens.platform.Times;

/**
 * Makes the application's JSON reader strict, so a body means exactly what it says: a
 * field no request record has, a key given twice, a string where a number or a boolean
 * belongs ({@code "12"}), a fraction for an integer ({@code 1.5}), a number for a string
 * or an enum, or an empty string for a number is refused (422 naming the field) instead
 * of being dropped or converted. Decimal amounts ({@code BigDecimal}, e.g. prices) still
 * read a decimal string such as {@code "0.00015"}, the exact form the API documents for
 * money. A time ({@code Instant}) is read in the forms every time parameter accepts
 * ({@link Times}): a date, or a date-time with or without an offset.
 */
@Component
public class StrictJson implements JsonMapperBuilderCustomizer {

	/**
	 * A mapper that reads as the application's does (snake_case, strict), for code and
	 * tests outside Spring.
	 */
	public static JsonMapper mapper() {
		JsonMapper.Builder builder = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
		new StrictJson().customize(builder);
		return builder.build();
	}

	@Override
	public void customize(JsonMapper.Builder builder) {
		builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
		refuse(builder, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.EmptyString,
				CoercionInputShape.Float, CoercionInputShape.Boolean);
		refuse(builder, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.EmptyString,
				CoercionInputShape.Boolean);
		refuse(builder, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.EmptyString,
				CoercionInputShape.Integer, CoercionInputShape.Float);
		refuse(builder, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float,
				CoercionInputShape.Boolean);
		refuse(builder, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.Float,
				CoercionInputShape.EmptyString);
		builder.withCoercionConfig(BigDecimal.class,
				(config) -> config.setCoercion(CoercionInputShape.String, CoercionAction.TryConvert));
		builder.addModule(new SimpleModule("costlens-times").addDeserializer(Instant.class, new TimeReader()));
	}

	private static void refuse(JsonMapper.Builder builder, LogicalType type, CoercionInputShape... shapes) {
		builder.withCoercionConfig(type, (config) -> {
			for (CoercionInputShape shape : shapes) {
				config.setCoercion(shape, CoercionAction.Fail);
			}
		});
	}

	/** Reads a time from a string in one of the accepted forms, and nothing else. */
	static final class TimeReader extends StdScalarDeserializer<Instant> {

		TimeReader() {
			super(Instant.class);
		}

		@Override
		public Instant deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return (Instant) context.handleUnexpectedToken(Instant.class, parser);
			}
			String text = parser.getString();
			try {
				return Times.parse(text);
			}
			catch (DateTimeParseException ex) {
				return (Instant) context.handleWeirdStringValue(Instant.class, text, Times.FORMS);
			}
		}

	}

}
