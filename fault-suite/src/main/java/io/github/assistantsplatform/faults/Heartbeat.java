package io.github.assistantsplatform.faults;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * A system in use while the suite waits for convergence: one assistant of its own changed every
 * second through the gateway. Orphaned avatar objects are judged only once an event a grace period
 * newer than them is published, so on a system where nothing happens they wait, by design.
 */
final class Heartbeat implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final String adminToken;
    private final Thread beating;
    private volatile boolean running = true;

    Heartbeat(int gatewayPort, String adminToken) {
        this.base = "http://localhost:" + gatewayPort + "/api/v1/assistants";
        this.adminToken = adminToken;
        this.beating = new Thread(this::beat, "heartbeat");
        beating.setDaemon(true);
        beating.start();
    }

    private void beat() {
        String id = null;
        while (running) {
            try {
                if (id == null) {
                    HttpResponse<String> created = send("POST", base, "{\"name\": \"fault-suite heartbeat\"}");
                    id = created.statusCode() == 201
                            ? JSON.readTree(created.body()).get("id").asString()
                            : null;
                } else {
                    send("PUT", base + "/" + id, "{\"description\": \"" + Instant.now() + "\"}");
                }
            } catch (IOException | RuntimeException failed) {
                // a part may still be down: beat again
            } catch (InterruptedException e) {
                return;
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private HttpResponse<String> send(String method, String uri, String body) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(uri))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + adminToken)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        beating.interrupt();
        beating.join(15_000);
    }
}
