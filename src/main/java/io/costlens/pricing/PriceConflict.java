package io.costlens.pricing;

import io.costlens.platform.Conflict;

/**
 * A price change clashes with the catalog: a duplicate current price, or a closed row.
 */
public class PriceConflict extends Conflict {

	public PriceConflict(String message) {
		super(message);
	}

}
