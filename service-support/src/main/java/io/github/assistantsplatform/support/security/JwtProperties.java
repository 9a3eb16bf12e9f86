package io.github.assistantsplatform.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How bearer tokens are verified: an HS256 shared secret ({@code ASSISTANTS_JWT_SECRET}) or an
 * issuer's key set ({@code ASSISTANTS_JWT_JWKS_URI}). There is deliberately no default secret.
 * A key set usually signs tokens for many applications: with one, the issuer
 * ({@code ASSISTANTS_JWT_ISSUER}, the {@code iss} claim) and the audience
 * ({@code ASSISTANTS_JWT_AUDIENCE}, one of {@code aud}) are required; with a secret they are
 * checked when set.
 */
@ConfigurationProperties("assistants.jwt")
public record JwtProperties(String secret, String jwksUri, String issuer, String audience) {

    static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
