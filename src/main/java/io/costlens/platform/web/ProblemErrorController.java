package io.costlens.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.costlens.platform.DatabaseOutage;
import io.costlens.platform.Overloaded;

/**
 * Answers errors that never reached a controller (raised by the container or a filter)
 * with the same problem+json shape, instead of Spring Boot's default error page. A
 * database that does not answer is a 503 with {@code Retry-After} here too.
 */
@RestController
class ProblemErrorController implements ErrorController {

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Overloaded unavailable = unavailable((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
		if (unavailable != null) {
			Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
			ResponseEntity.BodyBuilder answer = ResponseEntity.status(unavailable.status());
			unavailable.headers().forEach(answer::header);
			return answer.body(Problems.of(unavailable.status(), unavailable.code(), unavailable.getMessage(),
					(uri != null) ? uri.toString() : null));
		}
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value && HttpStatus.resolve(value) != null)
				? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String detail = status.is5xxServerError() ? "The server failed to handle this request"
				: status.getReasonPhrase();
		ProblemDetail problem = Problems.of(status, detail, (uri != null) ? uri.toString() : null);
		return ResponseEntity.status(status).body(problem);
	}

	/**
	 * The 503 a filter raised, or the one of a database that did not answer (a filter
	 * checking an API key, say); {@code null} for anything else.
	 */
	private static @Nullable Overloaded unavailable(@Nullable Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof Overloaded overloaded) {
				return overloaded;
			}
		}
		return DatabaseOutage.isCause(failure) ? DatabaseOutage.problem() : null;
	}

}
