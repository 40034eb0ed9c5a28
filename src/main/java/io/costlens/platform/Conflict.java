package io.costlens.platform;

import org.springframework.http.HttpStatus;

/** The request clashes with the current state of a resource. */
public class Conflict extends ProblemException {

	public Conflict(String message) {
		super(HttpStatus.CONFLICT, "conflict", message);
	}

}
