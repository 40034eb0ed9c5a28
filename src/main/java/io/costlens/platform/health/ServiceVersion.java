package io.costlens.platform.health;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/** The running version, from the build information in the jar. */
@Component
class ServiceVersion {

	private final String version;

	ServiceVersion(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		this.version = (properties != null && properties.getVersion() != null) ? properties.getVersion() : "dev";
	}

	String value() {
		return this.version;
	}

}
