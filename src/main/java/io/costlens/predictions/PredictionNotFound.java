package io.costlens.predictions;

import io.costlens.platform.NotFound;

/** No prediction has the id a request names. */
class PredictionNotFound extends NotFound {

	PredictionNotFound(long id) {
		super("Prediction " + id + " not found");
	}

}
