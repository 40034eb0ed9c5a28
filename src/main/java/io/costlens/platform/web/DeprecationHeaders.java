package io.costlens.platform.web;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;

import io.costlens.platform.ProblemException;

/**
 * Marks every {@code /api/v1} response, errors included, as deprecated (RFC 9745
 * {@code Deprecation}, RFC 8594 {@code Sunset}, a {@code Link} to the migration guide),
 * and answers 410 after the sunset when the operator turned v1 off. v2 responses carry
 * none of these.
 */
class DeprecationHeaders extends RequestFilter {

	static final String GUIDE = "/api/deprecation";

	private final String deprecation;

	private final String sunset;

	private final Instant sunsetAt;

	private final boolean afterSunset;

	private final ProblemWriter problems;

	DeprecationHeaders(ApiProperties properties, ProblemWriter problems) {
		this.deprecation = "@" + properties.v1DeprecatedSince().atStartOfDay(ZoneOffset.UTC).toEpochSecond();
		this.sunsetAt = properties.v1Sunset().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
		this.sunset = DateTimeFormatter.RFC_1123_DATE_TIME.format(this.sunsetAt.atOffset(ZoneOffset.UTC));
		this.afterSunset = properties.v1AfterSunset();
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(V2Mappings.V1);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Deprecation", this.deprecation);
		response.setHeader("Sunset", this.sunset);
		response.setHeader("Link", "<" + GUIDE + ">; rel=\"deprecation\"; type=\"application/json\"");
		if (!this.afterSunset && Instant.now().isAfter(this.sunsetAt)) {
			this.problems.write(request, response, new Gone("API v1 was switched off after its sunset on " + this.sunset
					+ ": use " + V2Mappings.V2 + " (see " + GUIDE + ")"));
			return;
		}
		chain.doFilter(request, response);
	}

	/** A v1 route after its sunset, switched off. */
	static final class Gone extends ProblemException {

		Gone(String message) {
			super(HttpStatus.GONE, "gone", message);
		}

	}

}
