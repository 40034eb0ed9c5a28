package io.costlens.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

import io.costlens.platform.ProblemException;

/** A request body is larger than the limit for its path. */
class PayloadTooLarge extends ProblemException {

	PayloadTooLarge(DataSize limit) {
		super(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large",
				"The request body is larger than the " + limit.toKilobytes() + " KiB allowed here");
	}

}
