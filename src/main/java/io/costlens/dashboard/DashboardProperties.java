package io.costlens.dashboard;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the web dashboard.
 *
 * @param timeZone the IANA zone whose days and months every chart, table, total and
 * forecast uses, named on each of them
 * @param sessionTimeout how long a signed-in browser session lasts without a request
 * @param pageSize rows per page of the dashboard's tables
 * @param pageCacheSize the most the kept signed-in pages ({@link PageCache}) weigh in the
 * heap (an upper bound: two bytes a character); {@code 0} keeps none
 * @param pageCacheTtl how long a kept page lives at most, its data unchanged
 */
@ConfigurationProperties("costlens.dashboard")
record DashboardProperties(@DefaultValue("UTC") ZoneId timeZone, @DefaultValue("30m") Duration sessionTimeout,
		@DefaultValue("25") int pageSize, @DefaultValue("32MB") DataSize pageCacheSize,
		@DefaultValue("5m") Duration pageCacheTtl) {

}
