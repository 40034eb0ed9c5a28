package io.costlens.platform;

import java.time.Duration;

/**
 * Rate limits on calls this service makes to a remote API: one token bucket per remote,
 * shared by every caller in this instance and, when Redis is configured, by every
 * instance, so a limit the remote sets holds however many jobs and instances call it.
 */
public interface OutboundLimits {

	/**
	 * Takes one call from the remote's bucket, waiting for a token when the bucket is
	 * empty.
	 * @param remote the remote's name, the bucket's key
	 * @param perMinute calls a minute, which is also the largest burst
	 * @param maxWait the longest this call waits for a token
	 * @return whether a token was taken; {@code false} when none came within
	 * {@code maxWait}
	 * @throws InterruptedException when the thread was interrupted while waiting
	 */
	boolean acquire(String remote, int perMinute, Duration maxWait) throws InterruptedException;

}
