package io.costlens.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.crypto.SecretKey;

import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

import io.costlens.platform.DataDirectory;

/**
 * Issues and checks access tokens: JWTs signed with HS256 carrying {@code sub} (user id),
 * {@code username}, {@code role}, {@code tier} and {@code jti}. Checking accepts only
 * HS256 with this key ({@code alg: none} and other algorithms are refused), this issuer,
 * and a token that has {@code iat} and {@code exp}, is unexpired, and lives no longer
 * than the configured lifetime ({@code exp - iat}, with {@value #SKEW_SECONDS} seconds of
 * clock skew), so a token signed with a leaked key cannot be made to last.
 */
@Component
class AccessTokens {

	static final long SKEW_SECONDS = 60;

	private final JwtEncoder encoder;

	private final JwtDecoder decoder;

	private final AccountsProperties properties;

	AccessTokens(AccountsProperties properties, DataDirectory dataDirectory, Environment environment) {
		this.properties = properties;
		SecretKey key = JwtKeys.load(properties, dataDirectory, environment);
		this.encoder = NimbusJwtEncoder.withSecretKey(key).algorithm(MacAlgorithm.HS256).build();
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(properties.issuer()), new Lifetime(properties.accessTokenTtl())));
		this.decoder = decoder;
	}

	/**
	 * A token for the user. It is never issued before the user's last change of
	 * credentials (a whole second, possibly a fraction of a second ahead), so that a
	 * token issued just after a change is not refused as older.
	 */
	String issue(UserAccount user) {
		Instant now = Instant.now();
		if (user.credentialsChangedAt() != null && now.isBefore(user.credentialsChangedAt())) {
			now = user.credentialsChangedAt();
		}
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.properties.issuer())
			.subject(user.id().toString())
			.id(UUID.randomUUID().toString())
			.issuedAt(now)
			.expiresAt(now.plus(this.properties.accessTokenTtl()))
			.claim("username", user.username())
			.claim("role", user.role().value())
			.claim("tier", user.tier())
			.build();
		JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
		return this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	/** The checked token; throws {@link JwtException} when it is not valid. */
	Jwt check(String token) {
		return this.decoder.decode(token);
	}

	long ttlSeconds() {
		return this.properties.accessTokenTtl().toSeconds();
	}

	/** Requires {@code iat} and {@code exp}, at most the lifetime apart. */
	record Lifetime(Duration ttl) implements OAuth2TokenValidator<Jwt> {

		@Override
		public OAuth2TokenValidatorResult validate(Jwt token) {
			Instant issuedAt = token.getIssuedAt();
			Instant expiresAt = token.getExpiresAt();
			if (issuedAt == null || expiresAt == null) {
				return invalid("The token must carry iat and exp");
			}
			if (Duration.between(issuedAt, expiresAt).compareTo(this.ttl.plusSeconds(SKEW_SECONDS)) > 0) {
				return invalid("The token lives longer than access tokens do");
			}
			if (issuedAt.isAfter(Instant.now().plusSeconds(SKEW_SECONDS))) {
				return invalid("The token was issued in the future");
			}
			return OAuth2TokenValidatorResult.success();
		}

		private static OAuth2TokenValidatorResult invalid(String reason) {
			return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", reason, null));
		}

	}

}
