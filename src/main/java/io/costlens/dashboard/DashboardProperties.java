package io.costlens.dashboard;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the web dashboard.
 *
 * @param timeZone the IANA zone whose days and months every chart, table, total and
 * forecast uses, named on each of them
 * @param sessionTimeout how long a signed-in browser session lasts without a request
 * @param pageSize rows per page of the dashboard's tables
 */
@ConfigurationProperties("costlens.dashboard")
record DashboardProperties(@DefaultValue("UTC") ZoneId timeZone, @DefaultValue("30m") Duration sessionTimeout,
		@DefaultValue("25") int pageSize) {

}
