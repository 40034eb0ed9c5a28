package io.costlens.reports;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Report settings.
 *
 * @param ttl how long a report (and a failed one's record) is kept
 * @param maxSize the largest report; a larger one fails with the reason and leaves
 * nothing stored
 * @param maxPerMinute most report generations started a minute on all instances together;
 * the others wait in the queue
 * @param cleanupInterval how often expired reports are deleted
 * @param pdfLogs how many of the first logs the PDF lists
 */
@ConfigurationProperties("costlens.reports")
record ReportsProperties(@DefaultValue("30d") Duration ttl, @DefaultValue("1GB") DataSize maxSize,
		@DefaultValue("10") int maxPerMinute, @DefaultValue("6h") Duration cleanupInterval,
		@DefaultValue("50") int pdfLogs) {

}
