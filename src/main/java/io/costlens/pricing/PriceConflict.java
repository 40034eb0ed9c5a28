package io.costlens.pricing;

import io.costlens.platform.Conflict;

/**
 * A price change clashes with the catalog: a duplicate current price, or a closed row.
 */
class PriceConflict extends Conflict {

	PriceConflict(String message) {
		super(message);
	}

}
