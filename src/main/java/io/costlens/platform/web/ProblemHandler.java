package io.costlens.platform.web;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import io.costlens.platform.DatabaseOutage;
import io.costlens.platform.InvalidFields;
import io.costlens.platform.JsonProblems;
import io.costlens.platform.ProblemException;
import io.costlens.platform.Text;
import io.costlens.platform.TimeParam;
import io.costlens.platform.Times;
import io.costlens.platform.web.Problems.FieldProblem;

/**
 * Maps every exception that reaches Spring MVC to the problem+json shape: domain failures
 * with their own status and code, malformed bodies as 422 naming each bad field, anything
 * unexpected as a bare 500 (logged here, never shown to the client).
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<Object> handleProblem(ProblemException ex, HttpServletRequest request) {
		ProblemDetail problem = Problems.of(ex.status(), ex.code(), ex.getMessage(), request.getRequestURI());
		if (ex instanceof InvalidFields invalid) {
			Problems.withFieldErrors(problem,
					invalid.errors().stream().map((e) -> new FieldProblem(e.field(), e.message())).toList());
		}
		HttpHeaders headers = new HttpHeaders();
		ex.headers().forEach(headers::set);
		return ResponseEntity.status(ex.status()).headers(headers).body(problem);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, HttpServletRequest request) {
		List<FieldProblem> errors = ex.getConstraintViolations()
			.stream()
			.map((v) -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
			.toList();
		return respond(Problems
			.withFieldErrors(Problems.of(HttpStatus.BAD_REQUEST, summary(errors), request.getRequestURI()), errors));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, HttpServletRequest request) {
		return respond(
				Problems.of(HttpStatus.FORBIDDEN, "Your role does not allow this request", request.getRequestURI()));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex, HttpServletRequest request) {
		PayloadTooLarge tooLarge = causeOfType(ex, PayloadTooLarge.class);
		if (tooLarge != null) {
			return handleProblem(tooLarge, request);
		}
		if (DatabaseOutage.isCause(ex)) {
			log.warn("The database did not answer {} {}: {}", request.getMethod(),
					Text.sanitized(request.getRequestURI(), 300), ex.getMessage());
			return handleProblem(DatabaseOutage.problem(), request);
		}
		log.error("Unexpected failure on {} {}", request.getMethod(), Text.sanitized(request.getRequestURI(), 300), ex);
		return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
				"The server failed to handle this request", request.getRequestURI()));
	}

	/**
	 * A method the path does not take: answered 405 with {@code Allow}, logged at DEBUG
	 * only. Spring's own handler logs a WARN per request, log noise any client could
	 * cause at will.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleHttpRequestMethodNotSupported(
			HttpRequestMethodNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (log.isDebugEnabled()) {
			log.debug("{} {} answered 405: {}", Text.sanitized(ex.getMethod(), 20), Text.sanitized(path(request), 300),
					Text.sanitized(String.valueOf(ex.getMessage()), 300));
		}
		return handleExceptionInternal(ex, null, headers, status, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		PayloadTooLarge tooLarge = causeOfType(ex, PayloadTooLarge.class);
		if (tooLarge != null) {
			return handleProblem(tooLarge, ((ServletWebRequest) request).getRequest());
		}
		FieldProblem problem = describe(ex);
		ProblemDetail body = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "validation_error",
				"The request body is not valid: " + problem.field() + ": " + problem.message(), path(request));
		return respond(Problems.withFieldErrors(body, List.of(problem)));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = ex.getBindingResult()
			.getAllErrors()
			.stream()
			.map((e) -> new FieldProblem((e instanceof FieldError f) ? Names.snake(f.getField()) : e.getObjectName(),
					String.valueOf(e.getDefaultMessage())))
			.toList();
		return respond(Problems.withFieldErrors(
				Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "validation_error", summary(errors), path(request)),
				errors));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((r) -> r.getResolvableErrors()
				.stream()
				.map((e) -> new FieldProblem(String.valueOf(r.getMethodParameter().getParameterName()),
						String.valueOf(e.getDefaultMessage()))))
			.toList();
		return respond(
				Problems.withFieldErrors(Problems.of(HttpStatus.BAD_REQUEST, summary(errors), path(request)), errors));
	}

	/**
	 * A query or path parameter of the wrong type, e.g. a time in none of the accepted
	 * forms.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: String.valueOf(ex.getPropertyName());
		String expected = (ex.getRequiredType() == Instant.class || ex.getRequiredType() == TimeParam.class)
				? Times.FORMS
				: "must be " + ((ex.getRequiredType() != null) ? JsonProblems.typeName(ex.getRequiredType()) : "valid");
		FieldProblem problem = new FieldProblem(name,
				expected + " (got " + abbreviate(String.valueOf(ex.getValue())) + ")");
		return respond(Problems.withFieldErrors(
				Problems.of(HttpStatus.BAD_REQUEST, name + ": " + problem.message(), path(request)), List.of(problem)));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return respond(Problems.of(HttpStatus.NOT_FOUND,
				"No endpoint " + ex.getHttpMethod() + " /" + ex.getResourcePath(), path(request)));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ProblemDetail problem;
		if (body instanceof ProblemDetail detail) {
			problem = detail;
		}
		else if (ex instanceof ErrorResponse errorResponse) {
			problem = errorResponse.getBody();
		}
		else {
			problem = ProblemDetail.forStatus(statusCode);
		}
		Problems.complete(problem, Problems.codeFor(statusCode), path(request));
		return ResponseEntity.status(statusCode).headers(headers).body(problem);
	}

	private static ResponseEntity<Object> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	private static FieldProblem describe(HttpMessageNotReadableException ex) {
		JacksonException jackson = causeOfType(ex, JacksonException.class);
		if (jackson == null) {
			return new FieldProblem("body", "required and must be valid JSON");
		}
		InvalidFields.Field field = JsonProblems.describe(jackson);
		return new FieldProblem(field.field(), field.message());
	}

	private static String abbreviate(@Nullable String text) {
		return Text.sanitized(text, 120);
	}

	private static String summary(List<FieldProblem> errors) {
		if (errors.isEmpty()) {
			return "The request is not valid";
		}
		return errors.stream().map((e) -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
	}

	private static String lastNode(String propertyPath) {
		int dot = propertyPath.lastIndexOf('.');
		return Names.snake((dot >= 0) ? propertyPath.substring(dot + 1) : propertyPath);
	}

	private static @Nullable String path(WebRequest request) {
		return (request instanceof ServletWebRequest servlet) ? servlet.getRequest().getRequestURI() : null;
	}

	private static <T extends Throwable> @Nullable T causeOfType(Throwable ex, Class<T> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

}
