package io.costlens.devlens;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A session as the API shows it (ProdLens' SessionMetadata, plus the repository, whether
 * it is priced and its trace hash).
 *
 * @param sessionId the session
 * @param developerId who
 * @param timestamp when
 * @param model which model
 * @param tokensIn input tokens
 * @param tokensOut output tokens
 * @param totalTokens both
 * @param latencyMs how long it took
 * @param statusCode its HTTP status
 * @param acceptedFlag whether the suggestion was accepted
 * @param costUsd its cost in USD as a decimal string, or {@code null} when the model is
 * unpriced
 * @param priced whether the catalog had a price for it
 * @param diffRatio how close the accepted code stayed to the suggestion
 * @param acceptedLines how many lines were accepted
 * @param repoSlug the repository
 * @param traceHash the dedup key
 */
public record SessionView(@Nullable String sessionId, @Nullable String developerId, Instant timestamp,
		@Nullable String model, long tokensIn, long tokensOut, long totalTokens, double latencyMs,
		@Nullable Integer statusCode, boolean acceptedFlag, @Nullable String costUsd, boolean priced,
		@Nullable Double diffRatio, @Nullable Integer acceptedLines, String repoSlug, String traceHash) {

	static SessionView of(Session session) {
		CanonicalTrace t = session.trace();
		String cost = (session.costUsd() != null) ? session.costUsd().stripTrailingZeros().toPlainString() : null;
		return new SessionView(t.sessionId(), t.developerId(), t.timestamp(), t.model(), t.tokensIn(), t.tokensOut(),
				t.totalTokens(), t.latencyMs(), t.statusCode(), t.acceptedFlag(), cost, session.priced(), t.diffRatio(),
				t.acceptedLines(), t.repoSlug(), session.traceHash());
	}

}
