package io.costlens.devlens;

/** A trace line an import cannot use, with the reason shown to the client. */
class RejectedTrace extends RuntimeException {

	RejectedTrace(String reason) {
		super(reason, null, false, false);
	}

}
