package io.github.assistantsplatform.support.web;

import io.github.assistantsplatform.api.assistant.AssistantSequence;
import io.github.assistantsplatform.api.error.AssistantNotFoundException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.java11.instrument.binder.jdk.MicrometerHttpClient;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A service's way to send a command to command-service on behalf of its caller: with the caller's
 * own token (command-service decides what it may do) and request ids (the events name them).
 */
public class CommandServiceClient {

    private static final Pattern ASSISTANT_ID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    private final HttpClient http;
    private final String baseUrl;
    private final JsonMapper json;

    /**
     * @param observations each call is observed: {@code http.client.requests} by route, and a span whose
     *     {@code traceparent} command-service continues, so that its log lines carry the caller's trace id
     */
    public CommandServiceClient(
            String baseUrl, JsonMapper json, MeterRegistry meters, ObservationRegistry observations) {
        this.http = MicrometerHttpClient.instrumentationBuilder(
                        HttpClient.newBuilder()
                                .connectTimeout(Duration.ofSeconds(2))
                                .build(),
                        meters)
                .observationRegistry(observations)
                // one series per route, not per assistant
                .uriMapper(
                        request -> ASSISTANT_ID.matcher(request.uri().getPath()).replaceAll("{id}"))
                .build();
        this.baseUrl = baseUrl;
        this.json = json;
    }

    /** What command-service answered, and the position of the event the write appended ({@link EventPosition}). */
    public record Reply<T>(T body, OptionalLong position) {}

    /**
     * Sends {@code method path} with {@code body} (none when null) about assistant {@code id}.
     *
     * @throws AssistantNotFoundException      command-service says 404
     * @throws AccessDeniedException           command-service refuses the caller (401, 403)
     * @throws DependencyUnavailableException  command-service is unreachable or failed
     */
    public <T> Reply<T> send(
            String method, String path, UUID id, Object body, Class<T> answer, HttpServletRequest caller) {
        HttpResponse<byte[]> response = exchange(method, path, id, body, caller);
        OptionalLong position = response.headers()
                .firstValue(EventPosition.HEADER)
                .map(value -> OptionalLong.of(Long.parseLong(value)))
                .orElse(OptionalLong.empty());
        return new Reply<>(json.readValue(response.body(), answer), position);
    }

    /**
     * The sequence of the assistant's latest event as the event store holds it, as of {@code position}
     * when given; empty when it had no event then.
     */
    public Optional<Long> sequence(UUID id, OptionalLong position, HttpServletRequest caller) {
        String path = "/api/v1/assistants/" + id + "/sequence"
                + (position.isPresent() ? "?position=" + position.getAsLong() : "");
        try {
            return Optional.of(
                    json.readValue(exchange("GET", path, id, null, caller).body(), AssistantSequence.class)
                            .sequence());
        } catch (AssistantNotFoundException none) {
            return Optional.empty();
        }
    }

    private HttpResponse<byte[]> exchange(String method, String path, UUID id, Object body, HttpServletRequest caller) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header(RequestIds.REQUEST_ID_HEADER, RequestIds.requestId(caller))
                .header(RequestIds.CORRELATION_ID_HEADER, RequestIds.correlationId(caller))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        if (caller.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            request.header(HttpHeaders.AUTHORIZATION, caller.getHeader(HttpHeaders.AUTHORIZATION));
        }
        if (body != null) {
            request.header(HttpHeaders.CONTENT_TYPE, "application/json");
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new DependencyUnavailableException("command-service is unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DependencyUnavailableException("interrupted while calling command-service", e);
        }
        return switch (response.statusCode()) {
            case 200, 201 -> response;
            case 404 -> throw new AssistantNotFoundException(id);
            case 401, 403 -> throw new AccessDeniedException("command-service refused: " + response.statusCode());
            default -> throw new DependencyUnavailableException("command-service answered " + response.statusCode());
        };
    }
}
