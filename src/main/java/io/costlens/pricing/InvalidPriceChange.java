package io.costlens.pricing;

import io.costlens.platform.InvalidRequest;

/**
 * A price change that cannot be applied, e.g. one effective before the price it replaces.
 */
public class InvalidPriceChange extends InvalidRequest {

	public InvalidPriceChange(String message) {
		super(message);
	}

}
