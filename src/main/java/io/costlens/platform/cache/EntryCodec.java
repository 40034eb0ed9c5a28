package io.costlens.platform.cache;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How entries are stored: as the objects themselves in the JVM, as JSON text in Redis
 * (written and read with the API's own mapper, so an entry reads back as it was).
 */
interface EntryCodec {

	Object encode(Object value);

	<T> T decode(Object stored, TypeReference<T> type);

	/** The objects themselves. */
	static EntryCodec identity() {
		return new EntryCodec() {

			@Override
			public Object encode(Object value) {
				return value;
			}

			@Override
			@SuppressWarnings("unchecked")
			public <T> T decode(Object stored, TypeReference<T> type) {
				return (T) stored;
			}

		};
	}

	/** JSON text. */
	static EntryCodec json(JsonMapper api) {
		JsonMapper json = api.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		return new EntryCodec() {

			@Override
			public Object encode(Object value) {
				return json.writeValueAsString(value);
			}

			@Override
			public <T> T decode(Object stored, TypeReference<T> type) {
				return json.readValue((String) stored, type);
			}

		};
	}

}
