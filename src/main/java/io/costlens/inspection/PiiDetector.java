package io.costlens.inspection;

import org.springframework.stereotype.Component;

/**
 * Finds personal data in text: email addresses, US SSNs, Luhn-valid card numbers, phone
 * numbers (North American and international), IPv4 and IPv6 addresses and checksum-valid
 * IBANs. A hand-written scanner, not a regular expression: one pass, linear time on any
 * input, every candidate validated (Luhn, mod 97, octet ranges, numbering-plan rules) and
 * bounded by documented token rules (see {@code Chars} and each matcher). Thread-safe and
 * stateless, so {@code new PiiDetector()} works outside Spring too.
 */
@Component
class PiiDetector {

	PiiScan scan(CharSequence text) {
		return new PiiScanner(text.toString()).scan();
	}

	/** The text with every finding replaced by its type's mask, e.g. {@code [EMAIL]}. */
	String mask(String text) {
		return MaskedText.of(text, scan(text));
	}

}
