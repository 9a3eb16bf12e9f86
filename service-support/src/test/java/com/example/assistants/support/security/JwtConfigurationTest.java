package com.example.assistants.support.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtConfigurationTest {

    private final SecurityAutoConfiguration configuration = new SecurityAutoConfiguration();

    @Test
    void withoutASecretOrKeySetTheServiceRefusesToStartAndSaysWhatToSet() {
        assertThatThrownBy(() -> configuration.jwtDecoder(new JwtProperties(null, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ASSISTANTS_JWT_SECRET")
                .hasMessageContaining("ASSISTANTS_JWT_JWKS_URI");
        assertThatThrownBy(() -> configuration.jwtDecoder(new JwtProperties("  ", "")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSecretShorterThan256BitsIsRefused() {
        assertThatThrownBy(() -> configuration.jwtDecoder(new JwtProperties("x".repeat(31), null)))
                .hasMessageContaining("at least 32 bytes");
        assertThat(configuration.jwtDecoder(new JwtProperties("x".repeat(32), null))).isNotNull();
    }

    @Test
    void theDocumentedEnvironmentVariablesBind() {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("ASSISTANTS_JWT_SECRET", "s3cret", "ASSISTANTS_JWT_JWKS_URI", "https://issuer/jwks")));

        JwtProperties properties = new Binder(ConfigurationPropertySources.get(environment))
                .bind("assistants.jwt", JwtProperties.class).get();

        assertThat(properties).isEqualTo(new JwtProperties("s3cret", "https://issuer/jwks"));
    }
}
