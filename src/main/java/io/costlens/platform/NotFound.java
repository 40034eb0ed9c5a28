package io.costlens.platform;

import org.springframework.http.HttpStatus;

/** A resource the request names does not exist (or the caller may not see it). */
public class NotFound extends ProblemException {

	public NotFound(String message) {
		super(HttpStatus.NOT_FOUND, "not_found", message);
	}

}
