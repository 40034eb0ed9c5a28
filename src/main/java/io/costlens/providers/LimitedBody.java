package io.costlens.providers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import org.jspecify.annotations.Nullable;

/**
 * A response body read into memory up to a limit: a longer body cancels the exchange and
 * fails, {@link #overflowed()} telling why, so a misbehaving remote cannot fill the heap.
 */
final class LimitedBody implements BodySubscriber<byte[]> {

	private final long limit;

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	private final CompletableFuture<byte[]> result = new CompletableFuture<>();

	private Flow.@Nullable Subscription subscription;

	private volatile boolean overflowed;

	private LimitedBody(long limit) {
		this.limit = limit;
	}

	static LimitedBody of(long limit) {
		return new LimitedBody(limit);
	}

	/** Whether the body was longer than the limit (and so was not read). */
	boolean overflowed() {
		return this.overflowed;
	}

	long limit() {
		return this.limit;
	}

	@Override
	public CompletionStage<byte[]> getBody() {
		return this.result;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		subscription.request(Long.MAX_VALUE);
	}

	@Override
	public void onNext(List<ByteBuffer> buffers) {
		for (ByteBuffer buffer : buffers) {
			if (this.result.isDone()) {
				return;
			}
			if (this.bytes.size() + (long) buffer.remaining() > this.limit) {
				this.overflowed = true;
				if (this.subscription != null) {
					this.subscription.cancel();
				}
				this.result.completeExceptionally(new IOException("response body over " + this.limit + " bytes"));
				return;
			}
			byte[] chunk = new byte[buffer.remaining()];
			buffer.get(chunk);
			this.bytes.writeBytes(chunk);
		}
	}

	@Override
	public void onError(Throwable failure) {
		this.result.completeExceptionally(failure);
	}

	@Override
	public void onComplete() {
		this.result.complete(this.bytes.toByteArray());
	}

}
