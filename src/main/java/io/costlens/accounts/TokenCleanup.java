package io.costlens.accounts;

import java.time.Instant;
import java.util.Map;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.costlens.platform.Jobs;

/**
 * Deletes expired refresh and password-reset tokens, and the sign-in delays of usernames
 * and IPs quiet for long enough, every hour (configurable).
 */
@Configuration(proxyBeanMethods = false)
class TokenCleanup {

	@Bean
	RecurringTask<Void> deleteExpiredTokens(Jobs jobs, RefreshTokenRepository refreshTokens,
			PasswordResetRepository resets, LoginThrottle throttle, AccountsProperties properties) {
		return jobs.recurring("accounts-delete-expired-tokens", properties.tokenCleanupInterval(), () -> {
			Instant now = Instant.now();
			return Map.of("refresh_tokens", refreshTokens.deleteExpired(now), "password_reset_tokens",
					resets.deleteExpired(now), "login_delays", throttle.forgetQuiet(now));
		});
	}

}
