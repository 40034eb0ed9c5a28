package io.costlens.pricing;

import io.costlens.platform.InvalidRequest;

/**
 * A price change that cannot be applied, e.g. one effective before the price it replaces.
 */
class InvalidPriceChange extends InvalidRequest {

	InvalidPriceChange(String message) {
		super(message);
	}

}
