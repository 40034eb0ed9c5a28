package io.costlens;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;

import io.costlens.platform.TextLimits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the README's promise that text fields of request bodies are limited to
 * {@link TextLimits#DEFAULT} unless a field says otherwise: every text component of every
 * {@code *Request} record declares {@code @Size} (at most the default unless it is one of
 * the few fields whose larger limit is documented) or a {@code @Pattern} that matches
 * only bounded text.
 */
class RequestTextLimitsTests {

	/** Fields documented to take more: a log message may be 1 MiB. */
	private static final Set<String> LARGER = Set.of("IngestRequest.message");

	private static final java.util.regex.Pattern UNBOUNDED = java.util.regex.Pattern.compile("[*+]|\\{\\d+,}");

	@Test
	void limitsEveryTextFieldOfEveryRequestBody() throws Exception {
		List<Class<?>> requests = requestRecords();
		List<String> unlimited = new ArrayList<>();
		for (Class<?> request : requests) {
			for (RecordComponent component : request.getRecordComponents()) {
				String name = request.getSimpleName() + "." + component.getName();
				if (component.getType() == String.class) {
					Field field = request.getDeclaredField(component.getName());
					if (!bounded(field.getAnnotation(Pattern.class))) {
						check(name, field.getAnnotation(Size.class), unlimited);
					}
				}
				AnnotatedType element = elementOfList(component);
				if (element != null && element.getType() == String.class) {
					check(name + "[]", element.getAnnotation(Size.class), unlimited);
				}
			}
		}
		assertThat(requests).hasSizeGreaterThanOrEqualTo(14);
		assertThat(unlimited).isEmpty();
	}

	private static void check(String name, @Nullable Size size, List<String> unlimited) {
		if (size == null) {
			unlimited.add(name + " has no @Size");
		}
		else if (size.max() > TextLimits.DEFAULT && !LARGER.contains(name)) {
			unlimited.add(name + " allows " + size.max() + " characters, more than TextLimits.DEFAULT");
		}
	}

	/**
	 * A pattern without {@code *}, {@code +} or {@code {n,}} matches text of bounded
	 * length.
	 */
	private static boolean bounded(@Nullable Pattern pattern) {
		return pattern != null && !UNBOUNDED.matcher(pattern.regexp()).find();
	}

	private static @Nullable AnnotatedType elementOfList(RecordComponent component) {
		return (List.class.isAssignableFrom(component.getType())
				&& component.getAnnotatedType() instanceof AnnotatedParameterizedType list)
						? list.getAnnotatedActualTypeArguments()[0] : null;
	}

	private static List<Class<?>> requestRecords() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter((reader, factory) -> reader.getClassMetadata().getClassName().endsWith("Request"));
		List<Class<?>> records = new ArrayList<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("io.costlens")) {
			Class<?> type = ClassUtils.forName(candidate.getBeanClassName(),
					RequestTextLimitsTests.class.getClassLoader());
			if (type.isRecord()) {
				records.add(type);
			}
		}
		return records;
	}

}
