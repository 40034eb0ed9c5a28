package io.costlens.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Browser-facing security settings.
 *
 * @param corsOrigins the origins (e.g. {@code https://dash.example.com}) whose pages may
 * call the API from a browser; none by default ({@code COSTLENS_CORS_ORIGINS},
 * comma-separated)
 */
@ConfigurationProperties("costlens.security")
record SecurityProperties(List<String> corsOrigins) {

	SecurityProperties {
		corsOrigins = (corsOrigins != null)
				? corsOrigins.stream().map(String::strip).filter((o) -> !o.isEmpty()).toList() : List.of();
	}

}
