package io.costlens.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers errors that never reached a controller (raised by the container or a filter)
 * with the same problem+json shape, instead of Spring Boot's default error page.
 */
@RestController
class ProblemErrorController implements ErrorController {

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value && HttpStatus.resolve(value) != null)
				? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String detail = status.is5xxServerError() ? "The server failed to handle this request"
				: status.getReasonPhrase();
		ProblemDetail problem = Problems.of(status, detail, (uri != null) ? uri.toString() : null);
		return ResponseEntity.status(status).body(problem);
	}

}
