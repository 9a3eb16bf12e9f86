package io.github.assistantsplatform.faults;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients writing through the gateway as admins do: creates, updates with {@code If-Match} (now and
 * then of what cached answers depend on), now and then an avatar uploaded or removed. Every write the API acknowledged (201 or 200) is remembered with the version it
 * answered; a write that failed or timed out is not (its outcome is unknown to the client too).
 */
final class WriteLoad {

    /** A write the API acknowledged: the assistant and the version its answer carried. */
    record Ack(String id, long version) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String base;
    private final String adminToken;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Queue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final Map<String, Boolean> assistants = new ConcurrentHashMap<>();
    private final AtomicLong attempts = new AtomicLong();
    private final List<Thread> clients = new ArrayList<>();
    private volatile boolean running;

    WriteLoad(int gatewayPort, String adminToken) {
        this.base = "http://localhost:" + gatewayPort + "/api/v1/assistants";
        this.adminToken = adminToken;
    }

    synchronized void start(int clientCount) {
        running = true;
        for (int i = 0; i < clientCount; i++) {
            Thread client = new Thread(this::write, "write-load-" + i);
            client.setDaemon(true);
            client.start();
            clients.add(client);
        }
    }

    synchronized void stop() throws InterruptedException {
        running = false;
        for (Thread client : clients) {
            client.join(TIMEOUT.plusSeconds(5).toMillis());
        }
        clients.clear();
    }

    List<Ack> acknowledged() {
        return List.copyOf(acks);
    }

    /** Every assistant whose creation was acknowledged. */
    List<String> assistants() {
        return List.copyOf(assistants.keySet());
    }

    long attempts() {
        return attempts.get();
    }

    private void write() {
        Map<String, Long> mine = new java.util.LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        for (long op = 0; running; op++) {
            attempts.incrementAndGet();
            try {
                if (ids.isEmpty() || op % 4 == 0) {
                    JsonNode created = acknowledged(
                            send(
                                    "POST",
                                    base,
                                    "application/json",
                                    "{\"name\": \"Fault load " + UUID.randomUUID() + "\"}",
                                    null),
                            201);
                    if (created != null) {
                        String id = created.get("id").asString();
                        mine.put(id, 0L);
                        ids.add(id);
                        assistants.put(id, true);
                    }
                    continue;
                }
                String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                HttpResponse<String> response = switch ((int) (op % 16)) {
                    case 5 -> upload(id);
                    // the avatar-cleanup consumer then deletes the object: it waits while S3 is down
                    case 13 -> send("DELETE", base + "/" + id + "/avatar", null, null, null);
                    // the semantic-cache-invalidator then purges the cache: it waits while MongoDB is down
                    case 9 ->
                        send(
                                "PUT",
                                base + "/" + id,
                                "application/json",
                                "{\"instructions\": \"Answer as revision " + op + "\"}",
                                "\"" + mine.get(id) + "\"");
                    default ->
                        send(
                                "PUT",
                                base + "/" + id,
                                "application/json",
                                "{\"description\": \"revision " + op + "\"}",
                                "\"" + mine.get(id) + "\"");
                };
                JsonNode updated = acknowledged(response, 200);
                if (updated != null) {
                    mine.put(id, updated.get("version").asLong());
                } else if (response.statusCode() == 412) {
                    // an earlier write's outcome was unknown to us but it committed: learn the version
                    HttpResponse<String> current = send("GET", base + "/" + id, null, null, null);
                    if (current.statusCode() == 200) {
                        mine.put(
                                id, JSON.readTree(current.body()).get("version").asLong());
                    }
                }
            } catch (IOException | RuntimeException unavailable) {
                pause();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private JsonNode acknowledged(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            if (response.statusCode() >= 500) {
                pause();
            }
            return null;
        }
        JsonNode body = JSON.readTree(response.body());
        acks.add(new Ack(body.get("id").asString(), body.get("version").asLong()));
        return body;
    }

    private HttpResponse<String> send(String method, String uri, String contentType, String body, String ifMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + adminToken)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A small PNG of a random colour: each upload is a new object, and the one it replaces must be cleaned up. */
    private HttpResponse<String> upload(String id) throws IOException, InterruptedException {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(ThreadLocalRandom.current().nextInt(0xFFFFFF)));
        graphics.fillRect(0, 0, 16, 16);
        graphics.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        String boundary = "fault-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
                        + "Content-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(png.toByteArray());
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(URI.create(base + "/" + id + "/avatar"))
                        .timeout(TIMEOUT)
                        .header("Authorization", "Bearer " + adminToken)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static {
        // no display here: ImageIO must not look for one
        System.setProperty("java.awt.headless", "true");
        if (!ImageIO.getImageWritersByFormatName("png").hasNext()) {
            throw new UncheckedIOException(new IOException("no PNG writer"));
        }
    }
}
