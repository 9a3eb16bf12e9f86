package io.github.assistantsplatform.support.security;

import io.github.assistantsplatform.support.web.ErrorResponseWriter;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The JWT rules of the API, the same in every service: no token is a guest, any valid token a
 * user, role {@code admin} an admin; a bad, expired, unsigned or foreign-signed token is a 401
 * even where guests are welcome.
 */
@AutoConfiguration
@EnableWebSecurity
@EnableConfigurationProperties(JwtProperties.class)
public class SecurityAutoConfiguration {

    /** HS256 needs a key of at least 256 bits (RFC 7518, 3.2). */
    static final int MIN_SECRET_BYTES = 32;

    @Bean
    JwtDecoder jwtDecoder(JwtProperties properties) {
        NimbusJwtDecoder decoder;
        if (JwtProperties.isSet(properties.jwksUri())) {
            if (!JwtProperties.isSet(properties.issuer()) || !JwtProperties.isSet(properties.audience())) {
                throw new IllegalStateException("ASSISTANTS_JWT_JWKS_URI is set: set ASSISTANTS_JWT_ISSUER (the iss of "
                        + "the tokens) and ASSISTANTS_JWT_AUDIENCE (this API's aud) too, or every application the issuer "
                        + "signs tokens for could call this API");
            }
            decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwksUri()).build();
        } else if (JwtProperties.isSet(properties.secret())) {
            byte[] secret = properties.secret().getBytes(StandardCharsets.UTF_8);
            if (secret.length < MIN_SECRET_BYTES) {
                throw new IllegalStateException("ASSISTANTS_JWT_SECRET must be at least " + MIN_SECRET_BYTES
                        + " bytes long for HS256; it is " + secret.length);
            }
            decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
                    .macAlgorithm(MacAlgorithm.HS256)
                    .build();
        } else {
            throw new IllegalStateException("No JWT verification configured: set ASSISTANTS_JWT_SECRET (HS256 shared "
                    + "secret, at least " + MIN_SECRET_BYTES
                    + " bytes) or ASSISTANTS_JWT_JWKS_URI (the issuer's key set). "
                    + "The service has no built-in secret on purpose.");
        }
        decoder.setJwtValidator(validator(properties));
        return decoder;
    }

    /** exp and sub required (sub is the actor every event records); iss and aud when configured. */
    static OAuth2TokenValidator<Jwt> validator(JwtProperties properties) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(
                JwtProperties.isSet(properties.issuer())
                        ? JwtValidators.createDefaultWithIssuer(properties.issuer())
                        : JwtValidators.createDefault());
        validators.add(new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull));
        validators.add(new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()));
        if (JwtProperties.isSet(properties.audience())) {
            validators.add(new JwtClaimValidator<List<String>>(
                    JwtClaimNames.AUD, audience -> audience != null && audience.contains(properties.audience())));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            JwtDecoder jwtDecoder,
            ErrorResponseWriter errors,
            ObjectProvider<EndpointAccess> endpointAccess,
            Environment environment)
            throws Exception {
        PlatformAuthenticationFailures failures = new PlatformAuthenticationFailures(errors);
        return http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(routes -> {
                    routes.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    routes.requestMatchers(
                                    "/error",
                                    "/actuator/health",
                                    "/actuator/health/**",
                                    "/actuator/info",
                                    "/v3/api-docs",
                                    "/v3/api-docs/**",
                                    "/swagger-ui.html",
                                    "/swagger-ui/**")
                            .permitAll();
                    // liveness and readiness on the public port (/livez, /readyz), for probes and load balancers
                    routes.requestMatchers(
                                    EndpointRequest.toAdditionalPaths(WebServerNamespace.SERVER, HealthEndpoint.class))
                            .permitAll();
                    if (ManagementPortType.get(environment) == ManagementPortType.DIFFERENT) {
                        // the management port is not published: Prometheus scrapes it without a token
                        routes.requestMatchers(EndpointRequest.toAnyEndpoint()).permitAll();
                    }
                    endpointAccess.orderedStream().forEach(access -> access.configure(routes));
                    routes.anyRequest().hasRole(PlatformRoles.ADMIN);
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(jwtDecoder)
                                .jwtAuthenticationConverter(SecurityAutoConfiguration::authentication))
                        .authenticationEntryPoint(failures)
                        .accessDeniedHandler(failures))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(failures).accessDeniedHandler(failures))
                .build();
    }

    /** The subject is the actor recorded in events; each entry of {@code roles} becomes a role. */
    static AbstractAuthenticationToken authentication(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, roles(jwt), jwt.getSubject());
    }

    private static Collection<GrantedAuthority> roles(Jwt jwt) {
        Object claim = jwt.getClaims().get("roles");
        if (!(claim instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream()
                .filter(String.class::isInstance)
                .map(role -> (GrantedAuthority)
                        new SimpleGrantedAuthority("ROLE_" + ((String) role).toUpperCase(Locale.ROOT)))
                .toList();
    }
}
