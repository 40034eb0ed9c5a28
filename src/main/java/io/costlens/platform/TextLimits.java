package io.costlens.platform;

/**
 * How long text fields of request bodies may be. Every text field of a request record
 * declares its limit ({@code @Size}, or a {@code @Pattern} that only matches bounded
 * text), at most this one unless the field documents a larger one; the build checks that.
 * A longer value is answered 422 naming the field.
 */
public final class TextLimits {

	/** 10 KB: the limit of any text field that does not say otherwise. */
	public static final int DEFAULT = 10_240;

	private TextLimits() {
	}

}
