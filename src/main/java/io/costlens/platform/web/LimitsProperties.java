package io.costlens.platform.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;

/**
 * Request body limits; a larger body is answered with 413 before it is read.
 *
 * @param maxBodySize the limit for every request not named below
 * @param ingestBodySize the limit for {@code /ingest}, whose message alone may be 1 MiB
 * @param batchBodySize the limit for batch and import endpoints
 * @param batchPaths the paths (Ant patterns) that get the batch limit
 */
@ConfigurationProperties("costlens.limits")
record LimitsProperties(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("2MB") DataSize ingestBodySize,
		@DefaultValue("10MB") DataSize batchBodySize, @DefaultValue( {
				"/**/batch", "/api/traces", "/api/github/import" }) List<String> batchPaths){

	private static final AntPathMatcher MATCHER = new AntPathMatcher();

	DataSize limitFor(String path) {
		if (path.equals("/ingest")) {
			return this.ingestBodySize;
		}
		for (String pattern : this.batchPaths) {
			if (MATCHER.match(pattern, path)) {
				return this.batchBodySize;
			}
		}
		return this.maxBodySize;
	}

}
