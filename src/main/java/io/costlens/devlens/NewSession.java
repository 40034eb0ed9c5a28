package io.costlens.devlens;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * What {@code /ws/sessions} sends for each imported session.
 *
 * @param sessionId the session
 * @param developerId who
 * @param model which model
 * @param tokens input plus output tokens
 * @param costUsd its cost in USD as a decimal string, or {@code null} when unpriced
 * @param priced whether the catalog priced it
 * @param accepted whether the suggestion was accepted
 */
record NewSession(@Nullable String sessionId, @Nullable String developerId, @Nullable String model, long tokens,
		@Nullable String costUsd, boolean priced, boolean accepted) {

	static NewSession of(Session session) {
		CanonicalTrace t = session.trace();
		BigDecimal cost = session.costUsd();
		return new NewSession(t.sessionId(), t.developerId(), t.model(), t.totalTokens(),
				(cost != null) ? cost.stripTrailingZeros().toPlainString() : null, session.priced(), t.acceptedFlag());
	}

}
