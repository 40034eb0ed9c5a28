package io.costlens.scenarios.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.costlens.platform.RetentionPolicy;

/**
 * Settings of scenarios beyond ingestion ({@link IngestSettings}).
 *
 * @param retention how long stored logs and the hourly roll-ups are kept
 * ({@code costlens.scenarios.retention.*})
 */
@ConfigurationProperties("costlens.scenarios")
record ScenariosProperties(@NestedConfigurationProperty @DefaultValue RetentionPolicy retention) {

}
