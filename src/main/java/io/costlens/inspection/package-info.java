/**
 * Looks inside the messages every ingest path receives: finds and masks personal data
 * (emails, card numbers, SSNs, phones, IP addresses, IBANs), counts BPE tokens, hashes,
 * sizes and prices them in SQS blocks.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package io.costlens.inspection;
