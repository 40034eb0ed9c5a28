package io.costlens.devlens;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One trace normalised to ProdLens' CanonicalTrace.
 *
 * @param sessionId the assistant session, as ProdLens extracts it
 * @param developerId who made the request
 * @param timestamp when, in UTC
 * @param model the model id as the trace names it
 * @param tokensIn input tokens
 * @param tokensOut output tokens
 * @param latencyMs how long the request took
 * @param statusCode the HTTP status of the request, if known
 * @param acceptedFlag whether the developer accepted the suggestion
 * @param repoSlug the repository ({@code owner/name}, or {@code unknown})
 * @param diffRatio how close the accepted code stayed to the suggestion (0 to 1)
 * @param acceptedLines how many suggested lines were accepted
 * @param format the shape the trace came in
 */
record CanonicalTrace(@Nullable String sessionId, @Nullable String developerId, Instant timestamp,
		@Nullable String model, long tokensIn, long tokensOut, double latencyMs, @Nullable Integer statusCode,
		boolean acceptedFlag, String repoSlug, @Nullable Double diffRatio, @Nullable Integer acceptedLines,
		TraceFormat format) {

	long totalTokens() {
		return this.tokensIn + this.tokensOut;
	}

}
