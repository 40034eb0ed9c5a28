package io.costlens.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import io.costlens.platform.EndpointRules.BodySize;

/**
 * Request body limits; a larger body is answered with 413 before it is read. Which paths
 * get the larger limits, each module says in its
 * {@link io.costlens.platform.EndpointRules}.
 *
 * @param maxBodySize the limit for every request no module names
 * @param messageBodySize the limit for bodies carrying one message, which alone may be 1
 * MiB
 * @param batchBodySize the limit for batch and import endpoints
 */
@ConfigurationProperties("costlens.limits")
record LimitsProperties(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("2MB") DataSize messageBodySize,
		@DefaultValue("10MB") DataSize batchBodySize) {

	DataSize sizeOf(BodySize size) {
		return switch (size) {
			case MESSAGE -> this.messageBodySize;
			case BATCH -> this.batchBodySize;
		};
	}

}
