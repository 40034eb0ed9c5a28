package io.costlens.platform;

import org.springframework.http.HttpStatus;

/** The request is well formed but asks for something that cannot be. */
public class InvalidRequest extends ProblemException {

	public InvalidRequest(String message) {
		super(HttpStatus.BAD_REQUEST, "validation_error", message);
	}

	protected InvalidRequest(String code, String message) {
		super(HttpStatus.BAD_REQUEST, code, message);
	}

}
