package costlensbench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * Benchmark build only (bench/request-path/run.sh puts this folder on the class path with
 * loader.path; it is not in the application's jar): a bare servlet answering a constant
 * JSON body at /bench-constant, in a Tomcat context of its own on the application's
 * embedded Tomcat (same connector, same threads), so outside every filter, Spring
 * Security and Spring MVC.
 */
@AutoConfiguration
public class ConstantAnswer {

	static final byte[] BODY = "{\"status\":\"healthy\"}".getBytes(StandardCharsets.UTF_8);

	@Bean
	ApplicationListener<WebServerInitializedEvent> constantAnswerContext() {
		return (event) -> {
			if (event.getWebServer() instanceof TomcatWebServer server) {
				Tomcat tomcat = server.getTomcat();
				Context context = tomcat.addContext(tomcat.getHost(), "/bench-constant", null);
				Tomcat.addServlet(context, "constant", new Constant());
				context.addServletMappingDecoded("/", "constant");
			}
		};
	}

	static final class Constant extends HttpServlet {

		@Override
		protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
			response.setContentType("application/json");
			response.setContentLength(BODY.length);
			response.getOutputStream().write(BODY);
		}

	}

}
