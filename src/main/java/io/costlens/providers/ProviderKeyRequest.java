package io.costlens.providers;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import io.costlens.platform.PlainText;
import io.costlens.platform.InvalidFields;

/**
 * The body of {@code POST /api/keys}; a field it does not know is refused, not ignored.
 *
 * @param name the owner's name for the key
 * @param key the provider key itself
 * @param provider {@code openrouter} (the default)
 * @param unknown fields the body has that this record does not
 */
record ProviderKeyRequest(@Nullable @NotBlank @Size(max = 100) @PlainText String name,
		@Nullable @NotBlank @Size(max = ProviderKeyRequest.MAX_KEY_LENGTH) String key,
		@Nullable @Size(max = 32) @PlainText String provider, @JsonAnySetter @Nullable Map<String, Object> unknown) {

	static final int MAX_KEY_LENGTH = 256;

	ProviderKeyRequest {
		unknown = (unknown != null) ? unknown : new LinkedHashMap<>();
	}

	NewProviderKey toCommand() {
		Unknown.refuse(this.unknown);
		return new NewProviderKey(String.valueOf(this.name), String.valueOf(this.key),
				(this.provider != null) ? this.provider : "openrouter");
	}

	/** Refuses fields a body has that its record does not know. */
	static final class Unknown {

		private Unknown() {
		}

		static void refuse(@Nullable Map<String, Object> unknown) {
			if (unknown != null && !unknown.isEmpty()) {
				throw new InvalidFields(unknown.keySet()
					.stream()
					.map((field) -> new InvalidFields.Field(field, "unknown field"))
					.toList());
			}
		}

	}

}
