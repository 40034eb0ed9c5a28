package io.costlens.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the one error shape of every response: RFC 9457 problem+json that also carries
 * the seeds' {@code error}, {@code message} and {@code status_code} fields, so old
 * clients keep working.
 */
public final class Problems {

	private static final Map<Integer, String> CODES = Map.ofEntries(Map.entry(400, "validation_error"),
			Map.entry(401, "unauthorized"), Map.entry(403, "forbidden"), Map.entry(404, "not_found"),
			Map.entry(405, "method_not_allowed"), Map.entry(406, "not_acceptable"), Map.entry(409, "conflict"),
			Map.entry(413, "payload_too_large"), Map.entry(415, "unsupported_media_type"),
			Map.entry(422, "validation_error"), Map.entry(429, "rate_limited"), Map.entry(503, "service_unavailable"));

	private Problems() {
	}

	/** The error code that goes with a status when nothing more specific applies. */
	public static String codeFor(HttpStatusCode status) {
		return CODES.getOrDefault(status.value(), status.is5xxServerError() ? "internal_error" : "error");
	}

	/** A problem with the default code of its status. */
	public static ProblemDetail of(HttpStatusCode status, String detail, @Nullable String path) {
		return of(status, codeFor(status), detail, path);
	}

	/** A problem with an explicit code. */
	public static ProblemDetail of(HttpStatusCode status, String code, String detail, @Nullable String path) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		return complete(problem, code, path);
	}

	/** Adds the type, title, instance and seed fields to a problem built elsewhere. */
	public static ProblemDetail complete(ProblemDetail problem, String code, @Nullable String path) {
		HttpStatus status = HttpStatus.resolve(problem.getStatus());
		String detail = (problem.getDetail() != null) ? problem.getDetail()
				: (status != null) ? status.getReasonPhrase() : "Error";
		problem.setDetail(detail);
		problem.setType(URI.create("urn:costlens:problem:" + code));
		if (status != null) {
			problem.setTitle(status.getReasonPhrase());
		}
		if (path != null) {
			problem.setInstance(URI.create(path));
		}
		problem.setProperty("error", code);
		problem.setProperty("message", detail);
		problem.setProperty("status_code", problem.getStatus());
		return problem;
	}

	/** Lists the fields a request got wrong, as {@code errors: [{field, message}]}. */
	public static ProblemDetail withFieldErrors(ProblemDetail problem, List<FieldProblem> errors) {
		problem.setProperty("errors", errors);
		return problem;
	}

	/**
	 * One bad field of a request.
	 *
	 * @param field the field's path, e.g. {@code items[2].duration_ms}
	 * @param message what is wrong with it
	 */
	public record FieldProblem(String field, String message) {
	}

}
