package io.costlens.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.costlens.platform.ApiExample;
import io.costlens.platform.Idempotent;
import io.costlens.platform.InvalidFields;
import io.costlens.platform.InvalidRequest;
import io.costlens.platform.ItemValidator;
import io.costlens.platform.JsonProblems;

@Tag(name = "Ingestion", description = "Log messages into a running scenario, durable before the answer")
@RestController
class IngestController {

	static final int MAX_MESSAGE_BYTES = 1024 * 1024;

	private final Ingestion ingestion;

	private final ItemValidator validator;

	private final JsonMapper json;

	private final int maxBatch;

	IngestController(Ingestion ingestion, ItemValidator validator, JsonMapper json, ScenariosProperties properties) {
		this.ingestion = ingestion;
		this.validator = validator;
		this.json = json;
		this.maxBatch = properties.ingest().maxBatchMessages();
	}

	@Operation(summary = "Ingest one log message; answers 202 once it is stored durably")
	@ApiResponse(responseCode = "202", description = "stored")
	@ApiResponse(responseCode = "400", description = "validation_error (bad X-Scenario-ID) or scenario_not_running")
	@ApiResponse(responseCode = "404", description = "not_found: no such scenario")
	@ApiResponse(responseCode = "503", description = "service_unavailable: too many writes waiting (Retry-After)")
	@ApiExample(
			body = "{\"message\":\"User jane@example.com asked for a refund of order 1234\",\"source\":\"checkout-api\"}",
			params = "X-Scenario-ID=3fa85f64-5717-4562-b3fc-2c963f66afa6")
	@PostMapping("/ingest")
	@Idempotent
	@ResponseStatus(HttpStatus.ACCEPTED)
	LogResponse ingest(@Parameter(description = "the scenario's UUID") @RequestHeader("X-Scenario-ID") String scenario,
			@Valid @RequestBody IngestRequest request) {
		checkSize(request, "message");
		return LogResponse.of(this.ingestion.ingest(scenarioId(scenario), request.toLog()));
	}

	@Operation(summary = "Ingest up to 10 000 messages (JSON array or NDJSON), all or none",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					description = "A JSON array of messages, or (as application/x-ndjson) one message object per line",
					content = @Content(mediaType = "application/json",
							array = @ArraySchema(schema = @Schema(implementation = IngestRequest.class)))))
	@ApiResponse(responseCode = "202",
			description = "all stored: the count and each stored log, or with response=summary the count alone")
	@ApiResponse(responseCode = "400", description = "validation_error: response is neither full nor summary")
	@ApiResponse(responseCode = "422", description = "validation_error listing each bad message; nothing stored")
	@ApiExample(
			body = "[{\"message\":\"Order 1234 paid\",\"source\":\"checkout-api\"},{\"message\":\"Call me on +1 415 555 0100\",\"source\":\"support\"}]",
			params = { "X-Scenario-ID=3fa85f64-5717-4562-b3fc-2c963f66afa6", "Content-Type=application/json" })
	@PostMapping(path = "/ingest/batch", consumes = { "application/json", "application/x-ndjson" })
	@Idempotent
	@ResponseStatus(HttpStatus.ACCEPTED)
	BatchResponse ingestBatch(@RequestHeader("X-Scenario-ID") String scenario,
			@RequestHeader(name = "Content-Type") String contentType,
			@Parameter(
					description = "full (the default): the answer lists every stored log; "
							+ "summary: only how many were accepted, {\"accepted\": n}",
					schema = @Schema(allowableValues = { "full", "summary" })) @RequestParam(name = "response",
							defaultValue = "full") String response,
			InputStream body) throws IOException {
		boolean summary = summary(response);
		UUID id = scenarioId(scenario);
		List<IngestRequest> requests = contentType.startsWith("application/x-ndjson")
				? NdjsonReader.read(body, this.json, IngestRequest.class, this.maxBatch) : array(body);
		if (requests.isEmpty()) {
			throw tooMany(0);
		}
		this.validator.validateAll(requests);
		for (int i = 0; i < requests.size(); i++) {
			checkSize(requests.get(i), "[" + i + "].message");
		}
		List<StoredLog> stored = this.ingestion.ingestAll(id, requests.stream().map(IngestRequest::toLog).toList());
		return new BatchResponse(stored.size(), summary ? null : stored.stream().map(LogResponse::of).toList());
	}

	@Operation(summary = "Wait until every message accepted before is durable",
			description = "Waits at most costlens.scenarios.ingest.group-commit.commit-timeout (30 s by default).")
	@ApiResponse(responseCode = "503", description = "service_unavailable: not all written in time (Retry-After)")
	@PostMapping("/flush")
	FlushResponse flush() {
		return new FlushResponse("flushed", this.ingestion.flush());
	}

	private List<IngestRequest> array(InputStream body) {
		try {
			IngestRequest[] requests = this.json.readValue(body, IngestRequest[].class);
			if (requests.length > this.maxBatch) {
				throw tooMany(requests.length);
			}
			return List.of(requests);
		}
		catch (JacksonException ex) {
			throw JsonProblems.invalid(ex, "");
		}
	}

	private InvalidRequest tooMany(int count) {
		return new InvalidRequest("A batch carries 1 to " + this.maxBatch + " messages, not "
				+ ((count > this.maxBatch) ? "more" : String.valueOf(count)));
	}

	private static boolean summary(String response) {
		return switch (response) {
			case "full" -> false;
			case "summary" -> true;
			default -> throw new InvalidRequest("response: must be full or summary");
		};
	}

	private static void checkSize(IngestRequest request, String field) {
		if (request.message().length() > MAX_MESSAGE_BYTES / 4
				&& request.message().getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
			throw new InvalidFields(List.of(new InvalidFields.Field(field, "must be at most 1 MiB in UTF-8")));
		}
	}

	private static UUID scenarioId(String header) {
		try {
			return UUID.fromString(header.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequest("X-Scenario-ID: not a UUID");
		}
	}

	record IngestRequest(
			@NotNull @NotEmpty @Size(max = MAX_MESSAGE_BYTES,
					message = "must be at most 1 MiB in UTF-8") String message,
			@Nullable @Size(min = 1, max = 255) String source) {

		IncomingLog toLog() {
			return new IncomingLog(this.message, (this.source != null) ? this.source : "unknown");
		}

	}

	/**
	 * The answer to a batch.
	 *
	 * @param accepted how many messages were stored
	 * @param results each stored log, in the order of the batch; left out with
	 * {@code response=summary}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record BatchResponse(int accepted, @Nullable List<LogResponse> results) {

	}

	/**
	 * The answer to a flush.
	 *
	 * @param status always {@code flushed}
	 * @param pending messages accepted since the flush began and not yet written
	 */
	record FlushResponse(String status, int pending) {

	}

}
