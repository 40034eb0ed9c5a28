package io.costlens.providers;

import java.util.UUID;

import io.costlens.platform.NotFound;

/** No provider key with that id, or one the caller may not see. */
class ProviderKeyNotFound extends NotFound {

	ProviderKeyNotFound(UUID id) {
		super("Provider key " + id + " not found");
	}

}
