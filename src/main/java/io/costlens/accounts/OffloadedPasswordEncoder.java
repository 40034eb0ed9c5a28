package io.costlens.accounts;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes and checks passwords on a few platform threads of their own. A BCrypt check is
 * hundreds of milliseconds of CPU that never yields: run on a request's virtual thread, a
 * few sign-ins at once occupy every carrier thread (one per core), and every other
 * request, including those holding a pooled database connection, waits until they are
 * done, so a burst of sign-ins exhausts the pool. Here the request's virtual thread parks
 * while it waits, the carriers keep serving the others, and at most {@code threads}
 * hashes run at once.
 */
final class OffloadedPasswordEncoder implements PasswordEncoder, AutoCloseable {

	private final PasswordEncoder delegate;

	private final ExecutorService hashing;

	OffloadedPasswordEncoder(PasswordEncoder delegate, int threads) {
		this.delegate = delegate;
		this.hashing = Executors.newFixedThreadPool(threads,
				Thread.ofPlatform().name("password-hashing-", 1).daemon().factory());
	}

	@Override
	public @Nullable String encode(@Nullable CharSequence rawPassword) {
		return run(() -> this.delegate.encode(rawPassword));
	}

	@Override
	public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
		return run(() -> this.delegate.matches(rawPassword, encodedPassword));
	}

	@Override
	public boolean upgradeEncoding(@Nullable String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

	@Override
	public void close() {
		this.hashing.shutdownNow();
	}

	private <T> T run(Callable<T> work) {
		try {
			return this.hashing.submit(work).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while a password was hashed", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

}
