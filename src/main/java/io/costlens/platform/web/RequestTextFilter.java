package io.costlens.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.costlens.platform.InvalidRequest;
import io.costlens.platform.Text;

/**
 * Refuses, with 400 before anything reads them, a query string that is not valid
 * percent-encoded UTF-8 ({@code ?model_name=%FF}) or carries NUL ({@code %00}), and a
 * header whose name or value is not printable ASCII (a non-ASCII {@code X-Scenario-ID}, a
 * control character), so no handler, filter or log line sees text the container could
 * only guess at.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RequestTextFilter extends RequestFilter {

	private final ProblemWriter problems;

	RequestTextFilter(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String problem = problem(request);
		if (problem != null) {
			this.problems.write(request, response, new InvalidRequest(problem));
			return;
		}
		chain.doFilter(request, response);
	}

	private static @Nullable String problem(HttpServletRequest request) {
		if (!isUtf8(request.getQueryString())) {
			return "The query string is not valid percent-encoded UTF-8";
		}
		if (request.getQueryString() != null && request.getQueryString().contains("%00")) {
			// PostgreSQL cannot even compare a text holding NUL, so no parameter may
			// carry one.
			return "The query string carries the NUL character (%00), which no parameter accepts";
		}
		for (String name : Collections.list(request.getHeaderNames())) {
			if (!isPrintableAscii(name)) {
				return "A header name is not printable ASCII";
			}
			for (String value : Collections.list(request.getHeaders(name))) {
				if (!isPrintableAscii(value)) {
					return "Header " + Text.sanitized(name, 64)
							+ ": must be printable ASCII (no control characters, no other alphabets)";
				}
			}
		}
		return null;
	}

	static boolean isPrintableAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\t') || c > 0x7E) {
				return false;
			}
		}
		return true;
	}

	/** Whether the percent-decoded query string is valid UTF-8 ({@code +} is a space). */
	static boolean isUtf8(@Nullable String query) {
		if (query == null || query.isEmpty()) {
			return true;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(query.length());
		for (int i = 0; i < query.length(); i++) {
			char c = query.charAt(i);
			if (c == '%') {
				if (i + 2 >= query.length()) {
					return false;
				}
				int high = Character.digit(query.charAt(i + 1), 16);
				int low = Character.digit(query.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					return false;
				}
				bytes.write(high * 16 + low);
				i += 2;
			}
			else if (c > 0x7F) {
				return false;
			}
			else {
				bytes.write(c);
			}
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
