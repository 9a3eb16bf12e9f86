package io.github.assistantsplatform.command.web;

import io.github.assistantsplatform.support.security.EndpointAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class CommandAccess {

    /**
     * Every write stays admin-only. An assistant's sequence (internal, not routed by the gateway) is for
     * any caller with a token that avatar-service passes on: a user reading an avatar after an admin's
     * write must not be answered from a view that has not caught up.
     */
    @Bean
    EndpointAccess sequencesForAnyCaller() {
        return routes -> routes.requestMatchers(HttpMethod.GET, "/api/v1/assistants/*/sequence")
                .authenticated();
    }
}
