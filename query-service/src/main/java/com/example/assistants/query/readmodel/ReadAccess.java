package com.example.assistants.query.readmodel;

import com.example.assistants.support.security.EndpointAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class ReadAccess {

    /** Anyone may list and read; what a guest sees is narrowed in the controller. History and admin routes stay admin-only. */
    @Bean
    EndpointAccess readsAreOpen() {
        return routes -> routes.requestMatchers(HttpMethod.GET, "/api/v1/assistants", "/api/v1/assistants/",
                "/api/v1/assistants/*").permitAll();
    }
}
