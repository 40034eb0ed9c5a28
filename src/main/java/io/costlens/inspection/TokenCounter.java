package io.costlens.inspection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts BPE tokens exactly as OpenAI's tiktoken does ({@code encode_ordinary}): special
 * tokens such as {@code <|endoftext|>} in a message are counted as the plain text they
 * are. The default vocabulary loads when the counter is made (about half a second), the
 * other on first use. Thread-safe.
 */
@Component
class TokenCounter {

	private final EncodingRegistry registry = Encodings.newLazyEncodingRegistry();

	private final Map<TokenEncoding, SegmentCounts> encodings = new ConcurrentHashMap<>();

	private final SegmentCounts defaultEncoding;

	@Autowired
	TokenCounter(InspectionProperties properties) {
		this(properties.encoding());
	}

	TokenCounter(TokenEncoding defaultEncoding) {
		this.defaultEncoding = encoding(defaultEncoding);
	}

	/** The number of tokens of {@code text} in the configured encoding. */
	int count(String text) {
		return this.defaultEncoding.count(text);
	}

	int count(String text, TokenEncoding encoding) {
		return encoding(encoding).count(text);
	}

	private SegmentCounts encoding(TokenEncoding encoding) {
		return this.encodings.computeIfAbsent(encoding,
				(key) -> new SegmentCounts(this.registry.getEncoding(switch (key) {
					case CL100K_BASE -> EncodingType.CL100K_BASE;
					case O200K_BASE -> EncodingType.O200K_BASE;
				})));
	}

}
