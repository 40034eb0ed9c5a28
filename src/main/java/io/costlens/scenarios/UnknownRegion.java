package io.costlens.scenarios;

import io.costlens.platform.InvalidRequest;

/** A scenario's region must be one the price catalog knows. */
class UnknownRegion extends InvalidRequest {

	UnknownRegion(String region) {
		super("region: '" + region
				+ "' is not a region where the price catalog prices the AWS services a scenario is costed with");
	}

}
