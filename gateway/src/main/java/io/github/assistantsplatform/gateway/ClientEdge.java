package io.github.assistantsplatform.gateway;

import io.github.assistantsplatform.api.error.ErrorCode;
import io.github.assistantsplatform.api.error.ErrorResponse;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the gateway asks of clients before it spends a thread on them (whole bodies, soon enough, small
 * enough), and what it grants browsers on other origins: CORS is answered here, in one place, never by
 * the services behind it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClientEdge.Cors.class)
class ClientEdge {

    /**
     * Browsers on other origins ({@code ASSISTANTS_CORS_*}): none allowed unless listed. The headers a
     * browser may read are those the API documents (validators, the new resource, the list's total, the
     * event position for read-your-writes, the request id, when to retry).
     */
    @ConfigurationProperties("assistants.gateway.cors")
    record Cors(
            List<String> allowedOrigins,
            List<String> allowedMethods,
            List<String> allowedHeaders,
            boolean allowCredentials,
            Duration maxAge) {

        static final List<String> EXPOSED_HEADERS =
                List.of("ETag", "Location", "X-Total-Count", "X-Event-Position", "X-Request-Id", "Retry-After");
    }

    private static final Pattern AVATAR_UPLOAD = Pattern.compile("/api/v1/assistants/[^/]+/avatar/*");

    @Bean
    FilterRegistrationBean<WholeRequestBodies> wholeRequestBodies(
            @Value("${assistants.gateway.max-body-size}") DataSize maxBodySize,
            @Value("${assistants.gateway.max-upload-size}") DataSize maxUploadSize,
            @Value("${assistants.gateway.body-timeout}") Duration bodyTimeout,
            @Value("${assistants.gateway.max-held-bodies}") DataSize maxHeldBodies,
            JsonMapper json) {
        FilterRegistrationBean<WholeRequestBodies> registration = new FilterRegistrationBean<>(new WholeRequestBodies(
                request -> isAvatarUpload(request) ? maxUploadSize.toBytes() : maxBodySize.toBytes(),
                bodyTimeout,
                maxHeldBodies.toBytes(),
                json));
        // first but for CORS, and again when the body is read and the request dispatched to a thread
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        registration.setAsyncSupported(true);
        return registration;
    }

    /** Before the bodies are held: a preflight is answered at once, and every answer (a refusal too) carries CORS. */
    @Bean
    FilterRegistrationBean<CorsFilter> cors(Cors cors, JsonMapper json) {
        UrlBasedCorsConfigurationSource origins = new UrlBasedCorsConfigurationSource();
        if (!cors.allowedOrigins().isEmpty()) {
            CorsConfiguration allowed = new CorsConfiguration();
            allowed.setAllowedOrigins(cors.allowedOrigins());
            allowed.setAllowedMethods(cors.allowedMethods());
            allowed.setAllowedHeaders(cors.allowedHeaders());
            allowed.setExposedHeaders(Cors.EXPOSED_HEADERS);
            allowed.setAllowCredentials(cors.allowCredentials());
            allowed.setMaxAge(cors.maxAge());
            origins.registerCorsConfiguration("/**", allowed);
        }
        CorsFilter filter = new CorsFilter(origins);
        filter.setCorsProcessor(new DefaultCorsProcessor() {
            @Override
            protected void rejectRequest(ServerHttpResponse response) throws IOException {
                response.setStatusCode(HttpStatus.FORBIDDEN);
                response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
                response.getBody()
                        .write(json.writeValueAsBytes(ErrorResponse.of(
                                ErrorCode.INSUFFICIENT_PRIVILEGES,
                                "This origin, method or header is not allowed (CORS)",
                                null)));
                response.flush();
            }
        });
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<TrailingSlashes> trailingSlashes() {
        FilterRegistrationBean<TrailingSlashes> registration = new FilterRegistrationBean<>(new TrailingSlashes());
        // after the bodies are held, and again when a request with a body is dispatched to a thread
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        registration.setAsyncSupported(true);
        return registration;
    }

    private static boolean isAvatarUpload(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && AVATAR_UPLOAD.matcher(request.getRequestURI()).matches();
    }
}
