package io.costlens.devlens;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceHashTests {

	@Test
	void writesFloatsAsPythonsRepr() {
		assertThat(TraceHash.pythonFloat(1200.0)).isEqualTo("1200.0");
		assertThat(TraceHash.pythonFloat(0.0)).isEqualTo("0.0");
		assertThat(TraceHash.pythonFloat(1234.5)).isEqualTo("1234.5");
		assertThat(TraceHash.pythonFloat(12345678.0)).isEqualTo("12345678.0");
		assertThat(TraceHash.pythonFloat(0.00001)).isEqualTo("1e-05");
		assertThat(TraceHash.pythonFloat(1.5e16)).isEqualTo("1.5e+16");
	}

	@Test
	void escapesStringsAsPythonsJsonDumps() {
		assertThat(TraceHash.string("dév\"\n")).isEqualTo("\"d\\u00e9v\\\"\\n\"");
		assertThat(TraceHash.string(null)).isEqualTo("null");
	}

}
