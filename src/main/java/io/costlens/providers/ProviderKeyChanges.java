package io.costlens.providers;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import io.costlens.platform.PlainText;
import io.costlens.platform.InvalidRequest;

/**
 * The body of {@code PATCH /api/keys/{id}}: a new name, a new active flag, or both.
 *
 * @param name the new name
 * @param isActive whether jobs use the key
 * @param unknown fields the body has that this record does not (refused)
 */
record ProviderKeyChanges(@Nullable @Size(min = 1, max = 100) @Pattern(regexp = "(?s).*\\S.*") @PlainText String name,
		@Nullable Boolean isActive, @JsonAnySetter @Nullable Map<String, Object> unknown) {

	void check() {
		ProviderKeyRequest.Unknown.refuse(this.unknown);
		if (this.name == null && this.isActive == null) {
			throw new InvalidRequest("Give name, is_active or both");
		}
	}

}
