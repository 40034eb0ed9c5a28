package io.costlens.platform.web;

import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The life cycle of API v1, which every {@code /api/v1} response announces in its
 * {@code Deprecation}, {@code Sunset} and {@code Link} headers.
 *
 * @param v1DeprecatedSince the day v1 was deprecated (RFC 9745 {@code Deprecation})
 * @param v1Sunset the last day v1 is promised to work (RFC 8594 {@code Sunset}, the end
 * of that day, UTC)
 * @param v1AfterSunset whether v1 keeps answering after its sunset; when {@code false}
 * every v1 request after it is answered 410 {@code gone}
 */
@ConfigurationProperties("costlens.api")
record ApiProperties(@DefaultValue("2026-12-01") LocalDate v1DeprecatedSince,
		@DefaultValue("2026-12-31") LocalDate v1Sunset, @DefaultValue("true") boolean v1AfterSunset) {

}
