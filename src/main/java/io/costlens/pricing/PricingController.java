package io.costlens.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.costlens.platform.PlainText;
import io.costlens.platform.ApiExample;

@Tag(name = "Pricing", description = "The versioned AWS price catalog")
@RestController
@RequestMapping("/api/v1/pricing")
class PricingController {

	private final Pricing catalog;

	PricingController(Pricing catalog) {
		this.catalog = catalog;
	}

	@Operation(summary = "List prices: current ones, or every version with include_history=true")
	@ApiExample(params = { "service=sqs", "region=us-east-1", "include_history=false" })
	@GetMapping
	List<PriceResponse> list(@RequestParam(required = false) @Nullable String service,
			@RequestParam(required = false) @Nullable String region,
			@RequestParam(name = "include_history", defaultValue = "false") boolean includeHistory) {
		return this.catalog.list(service, region, includeHistory).stream().map(PriceResponse::of).toList();
	}

	@Operation(summary = "Add a price (admin): the tier's first, or its next version from effective_from "
			+ "(default now), which ends the current one then")
	@ApiResponse(responseCode = "201", description = "added")
	@ApiResponse(responseCode = "400",
			description = "validation_error: effective_from is before the current price's start")
	@ApiResponse(responseCode = "409", description = "conflict: the current price starts at the same effective_from")
	@ApiExample(
			body = "{\"service\":\"llm\",\"region\":\"us-east-1\",\"tier\":\"gpt_4o_mini_input\",\"price_per_unit\":\"0.00015\",\"unit\":\"per_1k_tokens\",\"effective_from\":\"2027-01-01T00:00:00Z\",\"source\":\"OpenAI pricing page\"}")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN')")
	PriceResponse add(@Valid @RequestBody NewPriceRequest request) {
		return PriceResponse.of(this.catalog.add(request.toNewPrice()));
	}

	@Operation(summary = "Change a current price (admin): closes it and adds a version from effective_from "
			+ "(default now); effective_from equal to the row's start corrects it in place")
	@ApiResponse(responseCode = "200", description = "the price now in force from effective_from")
	@ApiResponse(responseCode = "404", description = "not_found")
	@ApiResponse(responseCode = "409", description = "conflict: the row is history")
	@ApiExample(
			body = "{\"price_per_unit\":\"0.42\",\"effective_from\":\"2027-06-01T00:00:00Z\",\"source\":\"AWS price change notice\"}",
			params = "id=3fa85f64-5717-4562-b3fc-2c963f66afa6")
	@PutMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	PriceResponse change(@PathVariable UUID id, @Valid @RequestBody PriceChangeRequest request) {
		return PriceResponse.of(this.catalog.change(id,
				new PriceChange(request.pricePerUnit(), request.unit(), request.source(), request.effectiveFrom())));
	}

	record NewPriceRequest(@NotNull @Pattern(regexp = "sqs|lambda|bedrock|llm") String service,
			@NotBlank @Size(max = 32) @PlainText String region, @NotBlank @Size(max = 64) @PlainText String tier,
			@NotNull @DecimalMin("0") BigDecimal pricePerUnit, @NotBlank @Size(max = 32) @PlainText String unit,
			@Nullable Instant effectiveFrom, @NotBlank @Size(max = 500) @PlainText String source) {

		NewPrice toNewPrice() {
			return new NewPrice(new PriceKey(this.service, this.region, this.tier), this.pricePerUnit, this.unit,
					this.effectiveFrom, this.source);
		}

	}

	record PriceChangeRequest(@Nullable @DecimalMin("0") BigDecimal pricePerUnit,
			@Nullable @Size(min = 1, max = 32) @PlainText String unit,
			@Nullable @Size(min = 1, max = 500) @PlainText String source, @Nullable Instant effectiveFrom) {

	}

	record PriceResponse(UUID id, String service, String region, String tier, String pricePerUnit, String unit,
			Instant effectiveFrom, @Nullable Instant effectiveTo, boolean isActive, String source) {

		static PriceResponse of(Price p) {
			return new PriceResponse(p.id(), p.service(), p.region(), p.tier(),
					p.pricePerUnit().stripTrailingZeros().toPlainString(), p.unit(), p.effectiveFrom(), p.effectiveTo(),
					p.isActive(), p.source());
		}

	}

}
