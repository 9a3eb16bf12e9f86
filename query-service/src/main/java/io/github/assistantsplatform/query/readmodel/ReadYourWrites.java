package io.github.assistantsplatform.query.readmodel;

import io.github.assistantsplatform.eventstore.ProcessorProgress;
import io.github.assistantsplatform.support.web.EventPosition;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A request that sends back a write's {@value EventPosition#HEADER} is served once the projection has
 * applied that position in every segment, whichever replica holds each: the read model then holds that
 * write and every one before it (the history reads the event store, which holds them already).
 */
@Configuration(proxyBeanMethods = false)
class ReadYourWrites implements WebMvcConfigurer {

    private final ProcessorProgress projection;

    ReadYourWrites(JdbcTemplate jdbc, @Qualifier("serializer") Serializer serializer) {
        this.projection = new ProcessorProgress(jdbc, serializer, AssistantProjection.PROCESSING_GROUP);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        EventPosition.sent(request)
                                .ifPresent(position -> EventPosition.await(position, projection::hasHandled));
                        return true;
                    }
                })
                .addPathPatterns("/api/**");
    }
}
