package com.example.assistants.gateway;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.regex.Pattern;

/** What the gateway asks of clients before it spends a thread on them: whole bodies, soon enough, small enough. */
@Configuration(proxyBeanMethods = false)
class ClientEdge {

    private static final Pattern AVATAR_UPLOAD = Pattern.compile("/api/v1/assistants/[^/]+/avatar/?");

    @Bean
    FilterRegistrationBean<WholeRequestBodies> wholeRequestBodies(
            @Value("${assistants.gateway.max-body-size}") DataSize maxBodySize,
            @Value("${assistants.gateway.max-upload-size}") DataSize maxUploadSize,
            @Value("${assistants.gateway.body-timeout}") Duration bodyTimeout,
            @Value("${assistants.gateway.max-held-bodies}") DataSize maxHeldBodies, JsonMapper json) {
        FilterRegistrationBean<WholeRequestBodies> registration = new FilterRegistrationBean<>(new WholeRequestBodies(
                request -> isAvatarUpload(request) ? maxUploadSize.toBytes() : maxBodySize.toBytes(), bodyTimeout,
                maxHeldBodies.toBytes(), json));
        // first, and again when the body is read and the request dispatched to a thread
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        registration.setAsyncSupported(true);
        return registration;
    }

    private static boolean isAvatarUpload(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && AVATAR_UPLOAD.matcher(request.getRequestURI()).matches();
    }
}
