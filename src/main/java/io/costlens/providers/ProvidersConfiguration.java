package io.costlens.providers;

import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import io.costlens.platform.DataDirectory;
import io.costlens.platform.OutboundLimits;

@Configuration(proxyBeanMethods = false)
class ProvidersConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ProvidersConfiguration.class);

	/** The keyset from the setting, or the quick start's generated one. */
	@Bean
	KeyEncryption keyEncryption(ProvidersProperties properties, DataDirectory dataDirectory, Environment environment) {
		KeyEncryption encryption = new KeyEncryption(EncryptionKeys.load(properties.encryptionKey(),
				dataDirectory.path(), environment.acceptsProfiles(Profiles.of("prod"))));
		log.info("Provider keys are encrypted with AES-256-GCM: keyset of {} key(s), primary key id {}",
				encryption.keyCount(), encryption.primaryKeyId());
		return encryption;
	}

	@Bean
	OpenRouterClient openRouterClient(ProvidersProperties properties, OutboundLimits limits,
			ObjectProvider<ObservationRegistry> observations) {
		return new OpenRouterClient(properties.openrouter(), limits,
				observations.getIfAvailable(() -> ObservationRegistry.NOOP));
	}

}
