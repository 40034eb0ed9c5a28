package io.costlens.inspection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of message inspection.
 *
 * @param encoding the tokenizer messages are counted with: {@code cl100k_base} or
 * {@code o200k_base}
 */
@ConfigurationProperties("costlens.inspection")
record InspectionProperties(@DefaultValue("cl100k_base") TokenEncoding encoding) {
}
