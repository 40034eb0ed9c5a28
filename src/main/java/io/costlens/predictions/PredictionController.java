package io.costlens.predictions;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.costlens.platform.ApiExample;
import io.costlens.platform.CurrentUser;
import io.costlens.platform.Idempotent;
import io.costlens.platform.InvalidRequest;
import io.costlens.platform.ItemValidator;
import io.costlens.platform.TimeParam;

/** Seed E's API: log ML predictions, read them back, per-model statistics. */
@RestController
@Tag(name = "Predictions", description = "ML prediction logging and per-model statistics")
class PredictionController {

	private final Predictions predictions;

	private final ItemValidator validator;

	PredictionController(Predictions predictions, ItemValidator validator) {
		this.predictions = predictions;
		this.validator = validator;
	}

	@ApiExample(
			body = "{\"model_name\":\"apartment_price_v1\",\"duration_ms\":124,\"was_successful\":true,\"timestamp\":\"2026-11-30T12:00:00Z\"}")
	@PostMapping("/api/v1/predict-log")
	@Idempotent
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Log one prediction; answered once it is stored")
	@ApiResponse(responseCode = "201", description = "Stored, with its id")
	@ApiResponse(responseCode = "422", description = "A field is missing or wrong (validation_error)")
	@ApiResponse(responseCode = "503", description = "Too many writes waiting; retry after Retry-After")
	Prediction log(@Valid @RequestBody PredictionRequest request) {
		return this.predictions.log(request.toCommand());
	}

	@ApiExample(
			body = "[{\"model_name\":\"apartment_price_v1\",\"duration_ms\":98,\"was_successful\":true},{\"model_name\":\"churn_v3\",\"duration_ms\":412,\"was_successful\":false,\"timestamp\":\"2026-11-30T12:00:05\"}]")
	@PostMapping("/api/v1/predict-log/batch")
	@Idempotent
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Log many predictions (a JSON array, up to 10 000) in one transaction, all or none")
	@ApiResponse(responseCode = "201", description = "All stored, with their ids, in order")
	@ApiResponse(responseCode = "422",
			description = "Items are wrong, named by index like [3].duration_ms; " + "nothing was stored")
	@ApiResponse(responseCode = "400", description = "The batch is empty or too large")
	List<Prediction> logAll(@RequestBody List<PredictionRequest> requests) {
		if (requests.isEmpty() || requests.size() > this.predictions.batchLimit()) {
			throw new InvalidRequest("A batch holds 1 to " + this.predictions.batchLimit()
					+ " predictions, this one has " + requests.size());
		}
		this.validator.validateAll(requests);
		return this.predictions.logAll(requests.stream().map(PredictionRequest::toCommand).toList());
	}

	@ApiExample(
			params = { "model_name=apartment_price_v1", "from=2026-11-01", "to=2026-11-30", "limit=100", "offset=0" })
	@GetMapping("/api/v1/predictions")
	@Operation(summary = "List predictions, newest first; the X-Total-Count header counts all that match")
	@ApiResponse(responseCode = "400", description = "A bad limit, offset or time (validation_error)")
	ResponseEntity<List<Prediction>> list(@RequestParam(name = "model_name", required = false) @Nullable String model,
			@Parameter(description = "a date or a date-time, inclusive") @RequestParam(
					required = false) @Nullable TimeParam from,
			@Parameter(description = "a date (its whole day) or a date-time, inclusive") @RequestParam(
					required = false) @Nullable TimeParam to,
			@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
			@RequestParam(defaultValue = "0") @Min(0) long offset) {
		PredictionFilter filter = new PredictionFilter(blankToNull(model), (from != null) ? from.start() : null,
				(to != null) ? to.through() : null, limit, offset);
		return ResponseEntity.ok()
			.header("X-Total-Count", String.valueOf(this.predictions.count(filter)))
			.body(this.predictions.list(filter));
	}

	@ApiExample(params = "id=1")
	@GetMapping("/api/v1/predictions/{id}")
	@Operation(summary = "One prediction")
	@ApiResponse(responseCode = "404", description = "No prediction with that id (not_found)")
	Prediction get(@PathVariable long id) {
		return this.predictions.get(id);
	}

	@ApiExample(params = "id=1")
	@DeleteMapping("/api/v1/predictions/{id}")
	@Operation(summary = "Delete a prediction; its model's statistics no longer count it",
			description = "Predictions are shared by every user of the installation: members and admins may "
					+ "delete any of them, and each delete is on the audit log (prediction.deleted).")
	@ApiResponse(responseCode = "404", description = "No prediction with that id (not_found)")
	MessageResponse delete(@PathVariable long id, @AuthenticationPrincipal CurrentUser caller,
			HttpServletRequest request) {
		this.predictions.delete(id, caller.username(), request.getRemoteAddr());
		return new MessageResponse("Prediction deleted");
	}

	@ApiExample(params = { "model_name=apartment_price_v1", "from_date=2026-11-01", "to_date=2026-11-30" })
	@GetMapping("/api/v1/stats")
	@Operation(summary = "A model's statistics over whole UTC days (inclusive), from hourly roll-ups: counts and "
			+ "average exact, p50/p95/p99 within 1 %")
	@ApiResponse(responseCode = "400", description = "model_name missing, a bad date, or from after to")
	ModelStats stats(@RequestParam(name = "model_name", required = false) @Nullable String model,
			@Parameter(description = "first UTC day: a date, or a date-time for its day (also as from)") @RequestParam(
					name = "from_date", required = false) @Nullable TimeParam fromDate,
			@Parameter(
					description = "last UTC day, inclusive: a date, or a date-time for its day (also as to)") @RequestParam(
							name = "to_date", required = false) @Nullable TimeParam toDate,
			@RequestParam(required = false) @Nullable TimeParam from,
			@RequestParam(required = false) @Nullable TimeParam to) {
		String modelName = blankToNull(model);
		if (modelName == null) {
			throw new InvalidRequest("model_name: is required");
		}
		return this.predictions.stats(modelName, either(dayOf(fromDate), dayOf(from)),
				either(dayOf(toDate), dayOf(to)));
	}

	@GetMapping("/api/v1/models")
	@Operation(summary = "Every model that logged predictions, with its counts and first and last time")
	List<ModelSummary> models() {
		return this.predictions.models();
	}

	private static @Nullable LocalDate dayOf(@Nullable TimeParam time) {
		return (time != null) ? time.day() : null;
	}

	/** A date given under its name or its alias ({@code from_date} or {@code from}). */
	private static @Nullable LocalDate either(@Nullable LocalDate value, @Nullable LocalDate alias) {
		if (value != null && alias != null && !value.equals(alias)) {
			throw new InvalidRequest("A date is given twice with different values (" + value + ", " + alias + ")");
		}
		return (value != null) ? value : alias;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	/**
	 * The answer to a delete, as the original service gave it.
	 *
	 * @param message what happened
	 */
	record MessageResponse(String message) {
	}

}
