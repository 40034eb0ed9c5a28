package io.costlens.platform.observability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import io.costlens.IntegrationTest;
import io.costlens.OwnH2Database;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;
import io.costlens.providers.OpenRouterFake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tracing on, exporting over OTLP/HTTP to a real local HTTP server that plays the
 * collector: the spans it receives (protobuf, decoded field by field) are those of the
 * requests, their queries, the OpenRouter call and the job a request queued, each with
 * the correlation id of the request; the JSON log lines carry the same trace ids. On a
 * database of its own, so that no other test context's scheduler runs its job.
 */
@IntegrationTest
@ContextConfiguration(initializers = { OpenRouterFake.Initializer.class, TracingIntegrationTests.Collector.class })
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:tracing" + OwnH2Database.OPTIONS,
		OwnH2Database.NO_SCHEMA, OwnH2Database.USER, "management.opentelemetry.tracing.export.schedule-delay=100ms",
		"costlens.log-json=true" })
@ExtendWith(OutputCaptureExtension.class)
class TracingIntegrationTests {

	static final WireMockServer COLLECTOR = start();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	TestApi api;

	@Test
	void exportsTheSpansOfARequestItsQueriesAndItsOpenRouterCallWithTheCorrelationId() {
		String correlation = "trace-" + UUID.randomUUID();
		String key = OpenRouterFake.newKey();
		OpenRouterFake.SERVER.stubFor(OpenRouterFake.keyInfo(key)
			.willReturn(OpenRouterFake.json(200, OpenRouterFake.ordinaryKeyBody("1.5"))));
		Response added = this.api.post("/api/keys", "{\"name\":\"traced\",\"key\":\"" + key + "\"}").send();
		assertThat(added.status()).as(added.body()).isEqualTo(201);

		Response validated = this.api.post("/api/keys/" + added.json().get("id").asString() + "/validate", "")
			.header("X-Correlation-ID", correlation)
			.send();
		assertThat(validated.status()).as(validated.body()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			List<Span> spans = spansWith(correlation);
			assertThat(spans).anySatisfy((span) -> {
				assertThat(span.kind()).isEqualTo(Span.SERVER);
				assertThat(span.name()).isEqualTo("http post /api/keys/{id}/validate");
			});
			assertThat(spans).anySatisfy((span) -> {
				assertThat(span.kind()).isEqualTo(Span.CLIENT);
				assertThat(span.name()).isEqualTo("openrouter GET /key");
				assertThat(span.attributes()).containsEntry("route", "/key").containsEntry("status", "200");
			});
			assertThat(spans).anySatisfy((span) -> {
				assertThat(span.kind()).isEqualTo(Span.CLIENT);
				assertThat(span.name()).isEqualTo("query");
				assertThat(span.attributes().get("jdbc.query[0]")).containsIgnoringCase("provider_keys");
			});
			assertThat(spans).extracting(Span::traceId).containsOnly(spans.get(0).traceId());
		});
	}

	@Test
	void aJobRunsUnderTheCorrelationIdOfTheRequestThatQueuedItAndLogsItsTraceId(CapturedOutput output) {
		String correlation = "job-" + UUID.randomUUID();
		Response scenario = this.api.post("/api/v2/scenarios", "{\"name\":\"" + correlation + "\"}").send();
		assertThat(scenario.status()).as(scenario.body()).isEqualTo(201);

		Response accepted = this.api
			.post("/api/v2/scenarios/" + scenario.json().get("id").asString() + "/reports", "{\"format\":\"csv\"}")
			.header("X-Correlation-ID", correlation)
			.send();
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<Span> spans = spansWith(correlation);
			Span job = spans.stream()
				.filter((span) -> span.name().equals("job reports-generate"))
				.findFirst()
				.orElse(null);
			assertThat(job).isNotNull();
			assertThat(job.attributes()).containsEntry("kind", "reports-generate");
			assertThat(spans).as("the job's own queries").anySatisfy((span) -> {
				assertThat(span.name()).isEqualTo("query");
				assertThat(span.traceId()).isEqualTo(job.traceId());
			});
			JsonNode started = output.getOut()
				.lines()
				.filter((line) -> line.startsWith("{") && line.contains(correlation)
						&& line.contains("Job reports-generate ["))
				.map(JSON::readTree)
				.findFirst()
				.orElseThrow();
			assertThat(started.get("correlation_id").asString()).isEqualTo(correlation);
			assertThat(started.get("trace_id").asString()).isEqualTo(job.traceId());
			assertThat(started.get("span_id").asString()).isEqualTo(job.spanId());
		});
	}

	private static List<Span> spansWith(String correlation) throws InvalidProtocolBufferException {
		List<Span> spans = new ArrayList<>();
		for (LoggedRequest request : COLLECTOR.findAll(postRequestedFor(urlPathEqualTo("/v1/traces")))) {
			assertThat(request.getHeader("Content-Type")).isEqualTo("application/x-protobuf");
			for (Span span : Span.decode(request.getBody())) {
				if (correlation.equals(span.attributes().get("correlation_id"))) {
					spans.add(span);
				}
			}
		}
		return spans;
	}

	private static WireMockServer start() {
		WireMockServer server = new WireMockServer(
				WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
		server.start();
		server.stubFor(post(urlPathEqualTo("/v1/traces")).willReturn(aResponse().withStatus(200)));
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		return server;
	}

	/** Points the OTLP exporter at the collector, which turns tracing on. */
	static final class Collector implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues.of(TracingSwitch.ENDPOINT + "=http://127.0.0.1:" + COLLECTOR.port() + "/v1/traces")
				.applyTo(context);
		}

	}

	/**
	 * One span of an OTLP {@code ExportTraceServiceRequest}, read with the field numbers
	 * of opentelemetry-proto's {@code trace.proto} (resource_spans 1, scope_spans 2,
	 * spans 2; a span's trace_id 1, span_id 2, name 5, kind 6, attributes 9).
	 */
	record Span(String traceId, String spanId, String name, long kind, Map<String, String> attributes) {

		static final long SERVER = 2;

		static final long CLIENT = 3;

		static List<Span> decode(byte[] body) throws InvalidProtocolBufferException {
			List<Span> spans = new ArrayList<>();
			for (ByteString resource : UnknownFieldSet.parseFrom(body).getField(1).getLengthDelimitedList()) {
				for (ByteString scope : UnknownFieldSet.parseFrom(resource).getField(2).getLengthDelimitedList()) {
					for (ByteString span : UnknownFieldSet.parseFrom(scope).getField(2).getLengthDelimitedList()) {
						spans.add(of(UnknownFieldSet.parseFrom(span)));
					}
				}
			}
			return spans;
		}

		private static Span of(UnknownFieldSet span) throws InvalidProtocolBufferException {
			Map<String, String> attributes = new LinkedHashMap<>();
			for (ByteString pair : span.getField(9).getLengthDelimitedList()) {
				UnknownFieldSet keyValue = UnknownFieldSet.parseFrom(pair);
				String key = keyValue.getField(1).getLengthDelimitedList().get(0).toStringUtf8();
				List<ByteString> value = keyValue.getField(2).getLengthDelimitedList();
				List<ByteString> text = value.isEmpty() ? List.of()
						: UnknownFieldSet.parseFrom(value.get(0)).getField(1).getLengthDelimitedList();
				attributes.put(key, text.isEmpty() ? "" : text.get(0).toStringUtf8());
			}
			return new Span(hex(span, 1), hex(span, 2), span.getField(5).getLengthDelimitedList().get(0).toStringUtf8(),
					span.getField(6).getVarintList().isEmpty() ? 0 : span.getField(6).getVarintList().get(0),
					attributes);
		}

		private static String hex(UnknownFieldSet span, int field) {
			return HexFormat.of().formatHex(span.getField(field).getLengthDelimitedList().get(0).toByteArray());
		}

	}

}
