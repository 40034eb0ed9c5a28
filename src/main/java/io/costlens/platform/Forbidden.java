package io.costlens.platform;

import org.springframework.http.HttpStatus;

/** The caller is known but may not do this. */
public class Forbidden extends ProblemException {

	public Forbidden(String message) {
		super(HttpStatus.FORBIDDEN, "forbidden", message);
	}

}
