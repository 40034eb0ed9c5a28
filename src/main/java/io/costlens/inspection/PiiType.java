package io.costlens.inspection;

import java.util.Locale;

/**
 * A kind of personal data the {@link PiiDetector} finds. IPv4 and IPv6 addresses are both
 * {@link #IP_ADDRESS}.
 */
public enum PiiType {

	EMAIL, CREDIT_CARD, SSN, PHONE, IP_ADDRESS, IBAN;

	private final String value = name().toLowerCase(Locale.ROOT);

	private final String mask = "[" + name() + "]";

	/** The name used in JSON and in the database, e.g. {@code credit_card}. */
	public String value() {
		return this.value;
	}

	/**
	 * What replaces a finding of this type in masked text, e.g. {@code [CREDIT_CARD]}.
	 */
	public String mask() {
		return this.mask;
	}

}
