package io.github.assistantsplatform.support.web;

import io.github.assistantsplatform.model.PlatformJson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP edge every service shares: JSON conventions, request ids, body limit, the error body, the client of command-service. */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@Import({ApiExceptionHandler.class, PlatformErrorController.class})
public class WebAutoConfiguration {

    /** Room for the multipart boundaries and part headers around a file of the maximum size. */
    private static final long MULTIPART_OVERHEAD = 16 * 1024;

    @Bean
    JsonMapperBuilderCustomizer platformJsonConventions() {
        return PlatformJson::strictRequests;
    }

    @Bean
    ErrorResponseWriter errorResponseWriter(JsonMapper jsonMapper) {
        return new ErrorResponseWriter(jsonMapper);
    }

    /** query-service's purges and avatar-service's avatars are recorded by command-service. */
    @Bean
    @ConditionalOnProperty("assistants.command-service.url")
    CommandServiceClient commandServiceClient(
            @Value("${assistants.command-service.url}") String url,
            JsonMapper json,
            MeterRegistry meters,
            ObservationRegistry observations) {
        return new CommandServiceClient(url, json, meters, observations);
    }

    @Bean
    FilterRegistrationBean<RequestIds> requestIds() {
        FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(new RequestIds());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(
            @Value("${assistants.http.max-body-size:1MB}") DataSize maxBodySize,
            // a service without an upload route takes no larger multipart body than any other
            @Value("${spring.servlet.multipart.max-request-size:${assistants.http.max-body-size:1MB}}")
                    DataSize maxMultipartSize,
            ErrorResponseWriter errors) {
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(
                new RequestBodyLimit(maxBodySize.toBytes(), maxMultipartSize.toBytes() + MULTIPART_OVERHEAD, errors));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
