package io.costlens.scenarios;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.costlens.platform.ApiExample;
import io.costlens.platform.InvalidRequest;
import io.costlens.platform.Page;
import io.costlens.platform.TimeParam;

@Tag(name = "Scenarios", description = "Cost-simulation scenarios and their lifecycle")
@RestController
@RequestMapping("/api/v1/scenarios/{id}")
@Validated
class ScenarioDataController {

	private final Scenarios scenarios;

	ScenarioDataController(Scenarios scenarios) {
		this.scenarios = scenarios;
	}

	@Operation(summary = "The scenario's stored logs, newest first, filtered by has_pii and source")
	@ApiResponse(responseCode = "404", description = "not_found")
	@ApiExample(params = { "id=3fa85f64-5717-4562-b3fc-2c963f66afa6", "has_pii=true", "source=checkout-api", "page=1",
			"page_size=20" })
	@GetMapping("/logs")
	Page<LogResponse> logs(@PathVariable UUID id,
			@RequestParam(name = "has_pii", required = false) @Nullable Boolean hasPii,
			@RequestParam(required = false) @Nullable String source, @RequestParam(defaultValue = "1") @Min(1) int page,
			@RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize) {
		return this.scenarios.logs(id, hasPii, source, page, pageSize).map(LogResponse::of);
	}

	@Operation(summary = "Summary, AWS cost breakdown and time series from hourly roll-ups; hours whose start "
			+ "is in [from, to) (a to date includes its whole day); missing prices are listed in warnings")
	@ApiResponse(responseCode = "404", description = "not_found")
	@ApiExample(params = { "id=3fa85f64-5717-4562-b3fc-2c963f66afa6", "granularity=hour", "from=2026-11-01",
			"to=2026-12-01T00:00:00Z" })
	@GetMapping("/metrics")
	MetricsResponse metrics(@PathVariable UUID id, @RequestParam(defaultValue = "hour") GranularityParam granularity,
			@RequestParam(required = false) @Nullable TimeParam from,
			@RequestParam(required = false) @Nullable TimeParam to) {
		Instant start = (from != null) ? from.start() : null;
		Instant end = (to != null) ? to.end() : null;
		if (start != null && end != null && !start.isBefore(end)) {
			throw new InvalidRequest("from must be before to");
		}
		return MetricsResponse.of(this.scenarios.metrics(id, granularity.granularity, start, end));
	}

	enum GranularityParam {

		hour(Granularity.HOUR), day(Granularity.DAY);

		private final Granularity granularity;

		GranularityParam(Granularity granularity) {
			this.granularity = granularity;
		}

	}

}
