package io.costlens.scenarios;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.costlens.platform.Page;

@Tag(name = "Scenarios", description = "Cost-simulation scenarios and their lifecycle")
@RestController
@RequestMapping("/api/v1/scenarios")
@Validated
class ScenarioController {

	private final Scenarios scenarios;

	ScenarioController(Scenarios scenarios) {
		this.scenarios = scenarios;
	}

	@Operation(summary = "Create a scenario (draft)")
	@ApiResponse(responseCode = "201", description = "created")
	@ApiResponse(responseCode = "409", description = "conflict: the name is taken")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ScenarioResponse create(@Valid @RequestBody ScenarioRequest request) {
		return ScenarioResponse.of(this.scenarios.create(request.toNewScenario()));
	}

	@Operation(summary = "List scenarios, newest first, filtered by status, region and name (q)")
	@GetMapping
	Page<ScenarioResponse> list(@RequestParam(required = false) @Nullable StatusParam status,
			@RequestParam(required = false) @Nullable String region, @RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "1") @Min(1) int page,
			@RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize) {
		ScenarioFilter filter = new ScenarioFilter((status != null) ? status.status() : null, region, q);
		return this.scenarios.list(filter, page, pageSize).map(ScenarioResponse::of);
	}

	@Operation(summary = "Get a scenario")
	@ApiResponse(responseCode = "404", description = "not_found")
	@GetMapping("/{id}")
	ScenarioResponse get(@PathVariable UUID id) {
		return ScenarioResponse.of(this.scenarios.get(id));
	}

	@Operation(summary = "Change some fields of a scenario; the name stays unique")
	@ApiResponse(responseCode = "404", description = "not_found")
	@ApiResponse(responseCode = "409", description = "conflict: the name is taken")
	@PutMapping("/{id}")
	ScenarioResponse update(@PathVariable UUID id, @Valid @RequestBody ScenarioRequest request) {
		return ScenarioResponse.of(this.scenarios.update(id, request.toChanges()));
	}

	@Operation(summary = "Delete a scenario with its logs and roll-ups")
	@ApiResponse(responseCode = "204", description = "deleted")
	@ApiResponse(responseCode = "409", description = "conflict: the scenario is running")
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable UUID id) {
		this.scenarios.delete(id);
	}

	@Operation(summary = "Start a draft scenario: it accepts logs from now on")
	@ApiResponse(responseCode = "409", description = "conflict: the scenario is not a draft")
	@PostMapping("/{id}/start")
	ScenarioResponse start(@PathVariable UUID id) {
		return ScenarioResponse.of(this.scenarios.start(id));
	}

	@Operation(summary = "Stop a running scenario: it accepts no more logs")
	@ApiResponse(responseCode = "409", description = "conflict: the scenario is not running")
	@PostMapping("/{id}/stop")
	ScenarioResponse stop(@PathVariable UUID id) {
		return ScenarioResponse.of(this.scenarios.stop(id));
	}

	@Operation(summary = "Archive a completed scenario")
	@ApiResponse(responseCode = "409", description = "conflict: the scenario is not completed")
	@PostMapping("/{id}/archive")
	ScenarioResponse archive(@PathVariable UUID id) {
		return ScenarioResponse.of(this.scenarios.archive(id));
	}

	/** The {@code status} filter, read case-insensitively. */
	enum StatusParam {

		draft, running, completed, archived;

		ScenarioStatus status() {
			return ScenarioStatus.of(name());
		}

	}

}
