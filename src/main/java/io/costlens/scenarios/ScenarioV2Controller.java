package io.costlens.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.costlens.platform.ApiExample;
import io.costlens.platform.InvalidFields;
import io.costlens.platform.ItemValidator;

/** What API v2 adds to the scenario routes it shares with v1. */
@Tag(name = "Scenarios", description = "Cost-simulation scenarios and their lifecycle")
@RestController
@RequestMapping("/api/v2/scenarios")
class ScenarioV2Controller {

	private final Scenarios scenarios;

	private final ItemValidator validator;

	ScenarioV2Controller(Scenarios scenarios, ItemValidator validator) {
		this.scenarios = scenarios;
		this.validator = validator;
	}

	@Operation(summary = "Create 1 to 100 scenarios at once, all or none")
	@ApiResponse(responseCode = "201", description = "every scenario created, in the order given")
	@ApiResponse(responseCode = "400", description = "validation_error: no scenario or more than 100")
	@ApiResponse(responseCode = "409", description = "conflict: a name is taken or given twice; nothing created")
	@ApiResponse(responseCode = "422", description = "validation_error: a bad field, named by its index")
	@ApiExample(
			body = "[{\"name\":\"nightly-batch-eu\",\"region\":\"eu-west-1\",\"tags\":[\"batch\"]},{\"name\":\"nightly-batch-us\",\"region\":\"us-west-2\",\"tags\":[\"batch\"]}]")
	@PostMapping("/bulk")
	@ResponseStatus(HttpStatus.CREATED)
	BulkCreated createAll(@RequestBody List<@Nullable ScenarioRequest> requests) {
		this.validator.validateAll(requests);
		List<NewScenario> scenarios = new ArrayList<>();
		for (int i = 0; i < requests.size(); i++) {
			scenarios.add(toNewScenario(i, requests.get(i)));
		}
		List<ScenarioResponse> created = this.scenarios.createAll(scenarios)
			.stream()
			.map(ScenarioResponse::of)
			.toList();
		return new BulkCreated(created, created.size());
	}

	@Operation(summary = "Delete 1 to 100 scenarios at once (with their logs), all or none")
	@ApiResponse(responseCode = "200", description = "every scenario deleted")
	@ApiResponse(responseCode = "400", description = "validation_error: no id or more than 100")
	@ApiResponse(responseCode = "404", description = "not_found: an id names no scenario; nothing deleted")
	@ApiResponse(responseCode = "409", description = "conflict: a scenario is running; nothing deleted")
	@ApiExample(body = "{\"ids\":[\"3fa85f64-5717-4562-b3fc-2c963f66afa6\"]}")
	@PostMapping("/bulk-delete")
	BulkDeleted deleteAll(@RequestBody BulkDelete request) {
		if (request.ids() == null) {
			throw new InvalidFields(List.of(new InvalidFields.Field("ids", "must not be null")));
		}
		this.scenarios.deleteAll(request.ids());
		return new BulkDeleted(request.ids().stream().distinct().count());
	}

	@Operation(summary = "The scenario's totals and cost over its whole life, without breakdown or time series")
	@ApiResponse(responseCode = "404", description = "not_found")
	@ApiExample(params = "id=3fa85f64-5717-4562-b3fc-2c963f66afa6")
	@GetMapping("/{id}/summary")
	SummaryResponse summary(@PathVariable UUID id) {
		Scenario scenario = this.scenarios.get(id);
		MetricsResponse metrics = MetricsResponse.of(this.scenarios.metrics(id, Granularity.DAY, null, null));
		return new SummaryResponse(id, scenario.name(), scenario.status().value(), metrics.summary(),
				metrics.warnings());
	}

	private static NewScenario toNewScenario(int index, @Nullable ScenarioRequest request) {
		if (request == null || request.name() == null) {
			throw new InvalidFields(List.of(new InvalidFields.Field("[" + index + "].name", "must not be blank")));
		}
		return request.toNewScenario();
	}

	/**
	 * The scenarios to delete.
	 *
	 * @param ids their ids (1 to 100)
	 */
	record BulkDelete(@NotNull @Nullable List<UUID> ids) {

	}

	/**
	 * The created scenarios.
	 *
	 * @param items in the order of the request
	 * @param count how many
	 */
	record BulkCreated(List<ScenarioResponse> items, int count) {

	}

	/**
	 * What a bulk delete removed.
	 *
	 * @param deleted how many scenarios
	 */
	record BulkDeleted(long deleted) {

	}

	/**
	 * The lightweight metrics of a scenario.
	 *
	 * @param scenarioId the scenario
	 * @param name its name
	 * @param status its status
	 * @param summary the same totals as the full metrics' summary
	 * @param warnings prices that were missing
	 */
	record SummaryResponse(UUID scenarioId, String name, String status, MetricsResponse.Summary summary,
			List<String> warnings) {

	}

}
