package io.costlens.accounts;

import java.time.Instant;
import java.util.UUID;

import javax.crypto.SecretKey;

import org.springframework.core.env.Environment;
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
 * HS256 with this key ({@code alg: none} and other algorithms are refused), an unexpired
 * token and this issuer.
 */
@Component
class AccessTokens {

	private final JwtEncoder encoder;

	private final JwtDecoder decoder;

	private final AuthProperties properties;

	AccessTokens(AuthProperties properties, DataDirectory dataDirectory, Environment environment) {
		this.properties = properties;
		SecretKey key = JwtKeys.load(properties, dataDirectory, environment);
		this.encoder = NimbusJwtEncoder.withSecretKey(key).algorithm(MacAlgorithm.HS256).build();
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuer()));
		this.decoder = decoder;
	}

	String issue(UserAccount user) {
		Instant now = Instant.now();
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

}
