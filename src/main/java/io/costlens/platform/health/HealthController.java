package io.costlens.platform.health;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.io.JsonStringEncoder;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.costlens.platform.DatabaseInfo;
import io.costlens.platform.data.DatabaseReport;
import io.costlens.platform.web.Problems;

/** Service information and the health probes load balancers and Kubernetes call. */
@RestController
@Tag(name = "Health", description = "Service information and probes")
class HealthController {

	private final DependencyState dependencies;

	private final DatabaseReport report;

	private final ServiceVersion version;

	private final Environment environment;

	private final ApplicationAvailability availability;

	private volatile boolean started;

	HealthController(DependencyState dependencies, DatabaseReport report, ServiceVersion version,
			Environment environment, ApplicationAvailability availability) {
		this.dependencies = dependencies;
		this.report = report;
		this.version = version;
		this.environment = environment;
		this.availability = availability;
	}

	/**
	 * The start-up work after the web server opened its port (the first admin and its
	 * key, among others) is done.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void started() {
		this.started = true;
	}

	@GetMapping("/")
	@Operation(summary = "Service name, version and links")
	ServiceInfoResponse root() {
		return new ServiceInfoResponse("Costlens", this.version.value(),
				"Usage, tokens, latency and cost of LLM, ML-model and cloud workloads", Map.of("health", "/health",
						"ready", "/ready", "docs", "/docs", "redoc", "/redoc", "openapi", "/openapi.json"));
	}

	@GetMapping(path = "/health", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Overall health: version and the state of each dependency as probed in the background "
			+ "once a second, with the probe's time and age (always 200)")
	@ApiResponse(responseCode = "200", description = "the service's and each dependency's state",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = HealthResponse.class)))
	void health(HttpServletResponse response) throws IOException {
		DependencyState.Probe database = this.dependencies.database();
		DependencyState.Probe redis = this.dependencies.redis();
		boolean healthy = database.up() && (redis == null || redis.up());
		HealthResponse health = new HealthResponse(healthy ? "healthy" : "degraded", this.version.value(),
				Instant.now(), Dependency.of(database, this.report.info().vendor()),
				(redis != null) ? Dependency.of(redis, "Redis") : null);
		byte[] body = health.json().getBytes(StandardCharsets.UTF_8);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	@GetMapping({ "/ready", "/api/v2/health/ready" })
	@Operation(summary = "Readiness: 200 when started and the database answers; 503 while starting, stopping or "
			+ "while the database does not answer")
	@ApiResponse(responseCode = "200", description = "ready")
	@ApiResponse(responseCode = "503",
			description = "service_unavailable: still starting, shutting down, or the database is not reachable")
	ResponseEntity<?> ready(HttpServletRequest request) {
		if (this.availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
			return unavailable("Costlens is starting or shutting down", request, "database", "unknown");
		}
		if (this.dependencies.probeDatabase().up()) {
			return ResponseEntity.ok(Map.of("status", "ready", "database", "up"));
		}
		return unavailable("The database is not reachable", request, "database", "down");
	}

	@GetMapping("/api/v2/health/live")
	@Operation(summary = "Liveness: 200 while the process serves requests")
	Map<String, String> live() {
		return Map.of("status", "alive");
	}

	@GetMapping("/api/v2/health/startup")
	@Operation(summary = "Startup: 200 once the application has started, 503 before")
	@ApiResponse(responseCode = "200", description = "started")
	@ApiResponse(responseCode = "503", description = "service_unavailable: still starting")
	ResponseEntity<?> startup(HttpServletRequest request) {
		if (!this.started) {
			return unavailable("Costlens is starting", request, "status", "starting");
		}
		return ResponseEntity.ok(Map.of("status", "started"));
	}

	private static ResponseEntity<ProblemDetail> unavailable(String detail, HttpServletRequest request, String key,
			String value) {
		ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, detail, request.getRequestURI());
		problem.setProperty(key, value);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
	}

	@GetMapping("/api/v2/health/info")
	@Operation(summary = "Build, runtime and database details (admins only)")
	@ApiResponse(responseCode = "403", description = "forbidden: not an admin")
	Map<String, Object> info() {
		DatabaseInfo db = this.report.info();
		Map<String, Object> info = new LinkedHashMap<>();
		info.put("name", "Costlens");
		info.put("version", this.version.value());
		info.put("java", Runtime.version().toString());
		info.put("profiles", List.of(this.environment.getActiveProfiles()));
		info.put("uptime_seconds", Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()).toSeconds());
		info.put("database", Map.of("vendor", db.vendor(), "version", db.version(), "location", db.location(),
				"quick_start", db.quickStart()));
		return info;
	}

	private static StringBuilder string(StringBuilder json, String value) {
		json.append('"');
		JsonStringEncoder.getInstance().quoteAsString(value, json);
		return json.append('"');
	}

	record ServiceInfoResponse(String name, String version, String description, Map<String, String> links) {
	}

	/**
	 * The answer of {@code /health}, written as JSON by hand: the most-called endpoint
	 * skips the message converters' content negotiation and Jackson (18 % of its CPU
	 * samples, JFR, bench/request-path); the schema in the API docs is this record's.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record HealthResponse(String status, String version, Instant timestamp, Dependency database,
			@Nullable Dependency redis) {

		String json() {
			StringBuilder json = new StringBuilder(256).append("{\"status\":");
			string(json, this.status).append(",\"version\":");
			string(json, this.version).append(",\"timestamp\":");
			string(json, this.timestamp.toString()).append(",\"database\":");
			this.database.json(json);
			if (this.redis != null) {
				this.redis.json(json.append(",\"redis\":"));
			}
			return json.append('}').toString();
		}

	}

	/**
	 * A dependency's state: when it was probed ({@code checked_at}) and how long ago
	 * ({@code age_ms}).
	 */
	record Dependency(String status, String vendor, Instant checkedAt, long ageMs) {

		static Dependency of(DependencyState.Probe probe, String vendor) {
			return new Dependency(probe.up() ? "up" : "down", vendor, probe.checkedAt(), probe.ageMillis());
		}

		void json(StringBuilder json) {
			string(json.append("{\"status\":"), this.status).append(",\"vendor\":");
			string(json, this.vendor).append(",\"checked_at\":");
			string(json, this.checkedAt.toString()).append(",\"age_ms\":").append(this.ageMs).append('}');
		}

	}

}
