package io.github.assistantsplatform.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;

class JwtConfigurationTest {

    private final SecurityAutoConfiguration configuration = new SecurityAutoConfiguration();

    @Test
    void withoutASecretOrKeySetTheServiceRefusesToStartAndSaysWhatToSet() {
        assertThatThrownBy(() -> configuration.jwtDecoder(new JwtProperties(null, null, null, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ASSISTANTS_JWT_SECRET")
                .hasMessageContaining("ASSISTANTS_JWT_JWKS_URI");
        assertThatThrownBy(() -> configuration.jwtDecoder(new JwtProperties("  ", "", null, null)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSecretShorterThan256BitsIsRefused() {
        assertThatThrownBy(() -> configuration.jwtDecoder(new JwtProperties("x".repeat(31), null, null, null)))
                .hasMessageContaining("at least 32 bytes");
        assertThat(configuration.jwtDecoder(new JwtProperties("x".repeat(32), null, null, null)))
                .isNotNull();
    }

    @Test
    void aKeySetWithoutIssuerAndAudienceIsRefused() {
        assertThatThrownBy(() -> configuration.jwtDecoder(
                        new JwtProperties(null, "https://issuer/jwks", "https://issuer", null)))
                .hasMessageContaining("ASSISTANTS_JWT_AUDIENCE");
        assertThatThrownBy(() ->
                        configuration.jwtDecoder(new JwtProperties(null, "https://issuer/jwks", null, "assistants")))
                .hasMessageContaining("ASSISTANTS_JWT_ISSUER");
        assertThat(configuration.jwtDecoder(
                        new JwtProperties(null, "https://issuer/jwks", "https://issuer", "assistants")))
                .isNotNull();
    }

    @Test
    void aTokenNeedsASubjectAndTheConfiguredIssuerAndAudience() {
        OAuth2TokenValidator<Jwt> plain =
                SecurityAutoConfiguration.validator(new JwtProperties("x".repeat(32), null, null, null));
        assertThat(plain.validate(token(Map.of("sub", "kim"))).hasErrors()).isFalse();
        assertThat(plain.validate(token(Map.of())).hasErrors()).as("no sub").isTrue();
        assertThat(plain.validate(token(Map.of("sub", " "))).hasErrors())
                .as("blank sub")
                .isTrue();

        OAuth2TokenValidator<Jwt> strict = SecurityAutoConfiguration.validator(
                new JwtProperties(null, "https://issuer/jwks", "https://issuer", "assistants"));
        assertThat(strict.validate(token(
                                Map.of("sub", "kim", "iss", "https://issuer", "aud", List.of("other", "assistants"))))
                        .hasErrors())
                .isFalse();
        assertThat(strict.validate(
                                token(Map.of("sub", "kim", "iss", "https://elsewhere", "aud", List.of("assistants"))))
                        .hasErrors())
                .as("foreign issuer")
                .isTrue();
        assertThat(strict.validate(token(Map.of("sub", "kim", "iss", "https://issuer", "aud", List.of("other"))))
                        .hasErrors())
                .as("another application's token")
                .isTrue();
        assertThat(strict.validate(token(Map.of("sub", "kim", "iss", "https://issuer")))
                        .hasErrors())
                .as("no aud")
                .isTrue();
    }

    private static Jwt token(Map<String, Object> claims) {
        Instant now = Instant.now();
        return Jwt.withTokenValue("token")
                .header("alg", "HS256")
                .issuedAt(now)
                .expiresAt(now.plusSeconds(60))
                .claims(all -> all.putAll(claims))
                .build();
    }

    @Test
    void theDocumentedEnvironmentVariablesBind() {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of(
                        "ASSISTANTS_JWT_SECRET",
                        "s3cret",
                        "ASSISTANTS_JWT_JWKS_URI",
                        "https://issuer/jwks",
                        "ASSISTANTS_JWT_ISSUER",
                        "https://issuer",
                        "ASSISTANTS_JWT_AUDIENCE",
                        "assistants")));

        JwtProperties properties = new Binder(ConfigurationPropertySources.get(environment))
                .bind("assistants.jwt", JwtProperties.class)
                .get();

        assertThat(properties)
                .isEqualTo(new JwtProperties("s3cret", "https://issuer/jwks", "https://issuer", "assistants"));
    }
}
