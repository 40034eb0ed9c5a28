package io.costlens.pricing;

import java.util.UUID;

import io.costlens.platform.NotFound;

/** No catalog row has the id the request names. */
class PriceNotFound extends NotFound {

	PriceNotFound(UUID id) {
		super("Price " + id + " not found");
	}

}
