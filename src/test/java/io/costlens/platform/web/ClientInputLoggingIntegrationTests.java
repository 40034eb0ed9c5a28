package io.costlens.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

import io.costlens.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed header lines and hostile header values never reach a log line raw: with
 * plain-text logs and request logging on, nothing a client sends can paint the terminal
 * or forge a line of its own.
 */
@IntegrationTest
@TestPropertySource(properties = { "costlens.log-json=false", "logging.level.io.costlens=debug",
		"logging.level.org.apache.coyote=debug", "logging.level.org.apache.tomcat=debug" })
@ExtendWith(OutputCaptureExtension.class)
class ClientInputLoggingIntegrationTests {

	private static final String ESC = "\u001b";

	/** The one-byte control sequence introducer of ISO 6429 (C1). */
	private static final String CSI = "\u009b";

	@Autowired
	Environment environment;

	@Test
	void neverLogsAMalformedHeaderLineOrAHostileHeaderValueRaw(CapturedOutput output) throws IOException {
		// Tomcat refuses a header line with a control character and logs it escaped.
		String malformed = raw("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Evil" + ESC
				+ "[31m: painted\r\nConnection: close\r\n\r\n");
		// Bytes Tomcat lets through (obs-text) reach the application, which refuses them.
		String hostileValue = raw("GET /api/v2/scenarios HTTP/1.1\r\nHost: localhost\r\nX-Scenario-ID: " + CSI
				+ "2Jforged\r\nConnection: close\r\n\r\n");
		String hostileCorrelation = raw("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Correlation-ID: a" + CSI
				+ "31mb\r\nConnection: close\r\n\r\n");

		assertThat(malformed).startsWith("HTTP/1.1 400");
		assertThat(hostileValue).startsWith("HTTP/1.1 400");
		assertThat(hostileCorrelation).startsWith("HTTP/1.1 400");
		assertThat(output.getAll()).contains("X-Evil0x1b[31m").contains("answered 400");
		assertThat(output.getAll()).doesNotContain(ESC).doesNotContain(CSI);
	}

	private String raw(String request) throws IOException {
		int port = Integer.parseInt(this.environment.getProperty("local.server.port"));
		try (Socket socket = new Socket("127.0.0.1", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

}
