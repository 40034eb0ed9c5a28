package io.costlens.scenarios;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.costlens.platform.InvalidFields;
import io.costlens.platform.InvalidRequest;
import io.costlens.platform.JsonProblems;

/**
 * Reads an NDJSON body, one JSON object per line, as it streams in: blank lines are
 * skipped, a bad line is a 422 naming its number, more than the limit is a 400, and bytes
 * that are not UTF-8 are refused rather than guessed at.
 */
final class NdjsonReader {

	private NdjsonReader() {
	}

	/**
	 * Reads the lines.
	 * @throws InvalidFields naming the first line that is not an object of the type
	 * @throws InvalidRequest when there are more than {@code max} lines, or the body is
	 * not UTF-8
	 */
	static <T> List<T> read(InputStream body, JsonMapper json, Class<T> type, int max) throws IOException {
		List<T> items = new ArrayList<>();
		BufferedReader lines = new BufferedReader(new InputStreamReader(body,
				StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)));
		int number = 0;
		try {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				if (items.size() == max) {
					throw new InvalidRequest("A batch carries 1 to " + max + " messages, not more");
				}
				try {
					items.add(json.readValue(line, type));
				}
				catch (JacksonException ex) {
					throw JsonProblems.invalid(ex, "line " + number);
				}
			}
		}
		catch (CharacterCodingException ex) {
			throw new InvalidFields(List.of(new InvalidFields.Field("line " + (number + 1), "is not valid UTF-8")));
		}
		return items;
	}

}
