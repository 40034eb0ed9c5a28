package io.costlens.platform;

import org.springframework.http.HttpStatus;

/** The request's credentials (or the ones in its body) are missing or not valid. */
public class Unauthorized extends ProblemException {

	public Unauthorized(String message) {
		super(HttpStatus.UNAUTHORIZED, "unauthorized", message);
	}

}
