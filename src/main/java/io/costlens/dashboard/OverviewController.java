package io.costlens.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.costlens.dashboard.Overview.OverviewReport;
import io.costlens.platform.ApiExample;

/** The numbers of the dashboard's overview page, for API clients too. */
@RestController
@Tag(name = "Overview", description = "Cost and usage across modules, with the month-end forecast")
class OverviewController {

	private final Overview overview;

	OverviewController(Overview overview) {
		this.overview = overview;
	}

	@GetMapping("/api/v2/overview")
	@Operation(summary = "Cost and usage across modules for a period (preset or from/to dates in the reporting zone)")
	@ApiResponse(responseCode = "400",
			description = "An unknown period or a bad from/to date (validation_error); "
					+ "a date-time stands for its day in the reporting zone")
	@ApiExample(params = { "from=2026-11-01", "to=2026-11-30" })
	OverviewReport overview(@RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		return this.overview.of(this.overview.range(period, from, to));
	}

}
