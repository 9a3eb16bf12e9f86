package com.example.assistants.query.cache;

import com.example.assistants.api.cache.CachePurgeResult;
import com.example.assistants.api.error.AssistantNotFoundException;
import com.example.assistants.support.web.DependencyUnavailableException;
import com.example.assistants.support.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** Records a purge in the assistant's history through command-service, with the caller's own token. */
@Component
class CommandServiceClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;
    private final JsonMapper json;

    CommandServiceClient(@Value("${assistants.command-service.url}") String baseUrl, JsonMapper json) {
        this.baseUrl = baseUrl;
        this.json = json;
    }

    void recordPurge(UUID assistantId, long deletedCount, HttpServletRequest caller) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/assistants/" + assistantId + "/cache-purges"))
                .timeout(Duration.ofSeconds(10))
                .header(HttpHeaders.AUTHORIZATION, caller.getHeader(HttpHeaders.AUTHORIZATION))
                .header(HttpHeaders.CONTENT_TYPE, "application/json")
                .header(RequestIds.REQUEST_ID_HEADER, RequestIds.requestId(caller))
                .header(RequestIds.CORRELATION_ID_HEADER, RequestIds.correlationId(caller))
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(new CachePurgeResult(deletedCount))))
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new DependencyUnavailableException("command-service could not record the purge", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DependencyUnavailableException("interrupted while recording the purge", e);
        }
        if (status == 404) {
            throw new AssistantNotFoundException(assistantId);
        }
        if (status == 401 || status == 403) {
            throw new AccessDeniedException("command-service refused the purge: " + status);
        }
        if (status != 200) {
            throw new DependencyUnavailableException("command-service answered " + status + " to the purge");
        }
    }
}
