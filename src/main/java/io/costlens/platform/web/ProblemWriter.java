package io.costlens.platform.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import io.costlens.platform.ProblemException;

/**
 * Writes a problem straight to the servlet response, for the places that answer before
 * Spring MVC runs (filters, the security entry points).
 */
@Component
public class ProblemWriter {

	private final JsonMapper json;

	ProblemWriter(JsonMapper json) {
		this.json = json;
	}

	/** Writes the problem for a domain exception. */
	public void write(HttpServletRequest request, HttpServletResponse response, ProblemException ex)
			throws IOException {
		ex.headers().forEach(response::setHeader);
		write(response, Problems.of(ex.status(), ex.code(), ex.getMessage(), request.getRequestURI()));
	}

	/** Writes a problem that is already complete. */
	public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
