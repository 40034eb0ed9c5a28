package io.costlens.platform;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The id that ties together every log line, span and job of one request: taken from the
 * request's {@code X-Correlation-ID} when it is a sane value, generated otherwise, echoed
 * in the response and kept in the logging context as {@code correlation_id}. Work a
 * request hands to another thread carries it with {@link #carry(Runnable)}.
 */
public final class CorrelationId {

	/** The header that carries it. */
	public static final String HEADER = "X-Correlation-ID";

	/** The logging-context (MDC) key, and so the JSON log field. */
	public static final String KEY = "correlation_id";

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:/+=-]{1,128}");

	private CorrelationId() {
	}

	/** The id of the work this thread does now, if any. */
	public static Optional<String> current() {
		return Optional.ofNullable(MDC.get(KEY));
	}

	/** Whether a client's value may be used as it is (bounded, log-safe characters). */
	public static boolean isSane(@Nullable String value) {
		return value != null && SANE.matcher(value).matches();
	}

	/**
	 * A new id: a random (version 4) UUID from a thread-local generator. An id only tells
	 * requests apart, it guards nothing, so it need not come from the system's secure
	 * random source, whose shared lock and reads were 1 % of a {@code /health} request.
	 */
	public static String generate() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
		return new UUID(high, low).toString();
	}

	/**
	 * Does work under this id (a job's, say): its log lines and spans carry it; the
	 * thread's own id, if any, is back afterwards.
	 */
	public static <T> T with(String id, Supplier<T> work) {
		String previous = MDC.get(KEY);
		MDC.put(KEY, id);
		try {
			return work.get();
		}
		finally {
			if (previous != null) {
				MDC.put(KEY, previous);
			}
			else {
				MDC.remove(KEY);
			}
		}
	}

	/** Wraps work for another thread so that it runs under this thread's id. */
	public static Runnable carry(Runnable work) {
		String id = MDC.get(KEY);
		if (id == null) {
			return work;
		}
		return () -> with(id, () -> {
			work.run();
			return null;
		});
	}

}
