package com.example.assistants.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How bearer tokens are verified: an HS256 shared secret ({@code ASSISTANTS_JWT_SECRET}) or an
 * issuer's key set ({@code ASSISTANTS_JWT_JWKS_URI}). There is deliberately no default secret.
 */
@ConfigurationProperties("assistants.jwt")
public record JwtProperties(String secret, String jwksUri) {
}
