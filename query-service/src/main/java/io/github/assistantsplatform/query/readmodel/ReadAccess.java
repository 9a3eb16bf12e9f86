package io.github.assistantsplatform.query.readmodel;

import io.github.assistantsplatform.support.security.EndpointAccess;
import io.github.assistantsplatform.support.security.PlatformRoles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class ReadAccess {

    /**
     * Anyone may list, read and look up the cache; what a guest sees is narrowed in the controllers
     * (private assistants). The RAG service may fill the cache. History, purge and the admin routes
     * stay admin-only.
     */
    @Bean
    EndpointAccess readsAreOpen() {
        return routes -> {
            routes.requestMatchers(HttpMethod.GET, "/api/v1/assistants", "/api/v1/assistants/", "/api/v1/assistants/*")
                    .permitAll();
            routes.requestMatchers(HttpMethod.POST, "/api/v1/assistants/*/cache/lookup")
                    .permitAll();
            routes.requestMatchers(HttpMethod.PUT, "/api/v1/assistants/*/cache")
                    .hasAnyRole(PlatformRoles.ADMIN, PlatformRoles.SERVICE);
        };
    }
}
