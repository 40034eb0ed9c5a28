package io.costlens;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Costlens: one service that tracks usage, tokens, latency and cost of LLM, ML-model and
 * cloud workloads.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CostlensApplication {

	public static void main(String[] args) {
		SpringApplication.run(CostlensApplication.class, args);
	}

}
