package io.costlens.inspection;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a {@link PiiDetector} found in one text.
 *
 * @param findings every finding, in text order, none overlapping
 */
record PiiScan(List<PiiFinding> findings) {

	static final PiiScan NONE = new PiiScan(List.of());

	PiiScan {
		findings = List.copyOf(findings);
	}

	boolean hasPii() {
		return !this.findings.isEmpty();
	}

	/** The types found, in {@link PiiType} order. */
	Set<PiiType> types() {
		if (this.findings.isEmpty()) {
			return Set.of();
		}
		EnumSet<PiiType> types = EnumSet.noneOf(PiiType.class);
		for (PiiFinding finding : this.findings) {
			types.add(finding.type());
		}
		return Collections.unmodifiableSet(types);
	}

	int count() {
		return this.findings.size();
	}

}
