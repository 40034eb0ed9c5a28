package io.costlens.platform.cache;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.costlens.platform.ApiExample;
import io.costlens.platform.cache.SpringCaches.CacheStats;

/** {@code GET /api/v2/cache/stats}: how well each cache does, for admins. */
@RestController
@Tag(name = "Health")
class CacheStatsController {

	private final SpringCaches caches;

	private final CacheProperties properties;

	CacheStatsController(SpringCaches caches, CacheProperties properties) {
		this.caches = caches;
		this.properties = properties;
	}

	@GetMapping("/api/v2/cache/stats")
	@Operation(summary = "Hits, misses, size and evictions of each cache on this instance (admins only)")
	@ApiResponse(responseCode = "403", description = "forbidden: for admins only")
	@ApiExample
	Stats stats() {
		return new Stats(this.caches.store(), this.properties.enabled(), this.properties.queryTtl().toSeconds(),
				this.properties.reportTtl().toSeconds(), this.properties.priceTtl().toSeconds(), this.caches.stats());
	}

	/**
	 * The statistics.
	 *
	 * @param store caffeine (in this JVM) or redis (shared by every instance)
	 * @param enabled whether reads are cached
	 * @param queryTtlSeconds how long query results live
	 * @param reportTtlSeconds how long reports live
	 * @param priceTtlSeconds how long prices live
	 * @param caches each cache used since start
	 */
	record Stats(String store, boolean enabled, long queryTtlSeconds, long reportTtlSeconds, long priceTtlSeconds,
			List<CacheStats> caches) {

	}

}
