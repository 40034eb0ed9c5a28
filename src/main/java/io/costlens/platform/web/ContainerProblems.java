package io.costlens.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Answers the errors Tomcat raises before any filter runs (a path that is not valid
 * percent-encoded UTF-8, a malformed request line) with the same problem+json shape as
 * every other error, instead of Tomcat's HTML page.
 */
@Component
class ContainerProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemReportValve.class.getName());
			}
		});
	}

	/** Writes a problem for an error nothing else answered. */
	public static class ProblemReportValve extends ErrorReportValve {

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			HttpStatus resolved = HttpStatus.resolve(status);
			String title = (resolved != null) ? resolved.getReasonPhrase() : "Error";
			String code = (resolved != null) ? Problems.codeFor(resolved) : "error";
			String detail = (status == 400) ? "The request line or path is not valid (e.g. not UTF-8)"
					: status >= 500 ? "The server failed to handle this request" : title;
			String json = "{\"type\":\"urn:costlens:problem:" + code + "\",\"title\":\"" + title + "\",\"status\":"
					+ status + ",\"detail\":\"" + detail + "\",\"error\":\"" + code + "\",\"message\":\"" + detail
					+ "\",\"status_code\":" + status + "}";
			try {
				response.setContentType("application/problem+json");
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(json);
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// the client is gone or the response was committed: nothing more to say
			}
		}

	}

}
