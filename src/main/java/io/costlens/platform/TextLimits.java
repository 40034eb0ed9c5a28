package io.costlens.platform;

/**
 * How long text fields of request bodies may be. Request records declare it with
 * {@code @Size(max = TextLimits.DEFAULT)} (or a smaller or, where a field says so, larger
 * limit); a longer value is answered 422 naming the field.
 */
public final class TextLimits {

	/** 10 KB: the limit of any text field that does not say otherwise. */
	public static final int DEFAULT = 10_240;

	private TextLimits() {
	}

}
