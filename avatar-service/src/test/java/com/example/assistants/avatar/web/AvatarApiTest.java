package com.example.assistants.avatar.web;

import com.example.assistants.avatar.AvatarServiceApplication;
import com.example.assistants.avatar.TestImages;
import com.example.assistants.command.CommandServiceApplication;
import com.example.assistants.support.test.EmbeddedPostgresServer;
import com.example.assistants.support.test.HttpApi;
import com.example.assistants.support.test.TestKafka;
import com.example.assistants.support.test.TestTokens;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * avatar-service against a real S3 endpoint (S3Proxy), a real Kafka broker and the real
 * command-service on PostgreSQL, over HTTP as a client would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        AvatarServiceApplication.CONFIG_NAME, "assistants.jwt.secret=" + TestTokens.SECRET,
        // command-service (on the test class path to run the real write side) brings JPA and Flyway, which avatar-service has not
        "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                + "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
                + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
                + "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
        "axon.axonserver.enabled=false"})
class AvatarApiTest {

    private static final com.example.assistants.avatar.S3ServerHandle S3 = com.example.assistants.avatar.S3ServerHandle.started();
    private static final EmbeddedPostgresServer.Database EVENT_STORE = EmbeddedPostgresServer.newDatabase();
    private static ConfigurableApplicationContext commandService;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("assistants.kafka.bootstrap-servers", () -> TestKafka.broker().bootstrapServers());
        registry.add("assistants.command-service.url", () -> "http://localhost:" + commandServicePort());
        registry.add("assistants.s3.endpoint", S3::endpoint);
        registry.add("assistants.s3.access-key", () -> com.example.assistants.avatar.S3ServerHandle.ACCESS_KEY);
        registry.add("assistants.s3.secret-key", () -> com.example.assistants.avatar.S3ServerHandle.SECRET_KEY);
    }

    private static synchronized int commandServicePort() {
        if (commandService == null) {
            commandService = new SpringApplicationBuilder(CommandServiceApplication.class)
                    .properties(CommandServiceApplication.CONFIG_NAME)
                    .run("--server.port=0", "--assistants.jwt.secret=" + TestTokens.SECRET,
                            "--spring.datasource.url=" + EVENT_STORE.url(), "--spring.datasource.username=postgres",
                            "--spring.datasource.password=postgres",
                            "--assistants.kafka.bootstrap-servers=" + TestKafka.broker().bootstrapServers());
        }
        return ((WebServerApplicationContext) commandService).getWebServer().getPort();
    }

    @LocalServerPort
    int port;

    HttpApi avatars;
    HttpApi writes;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void clients() {
        avatars = new HttpApi(port);
        writes = new HttpApi(commandServicePort());
    }

    @Test
    void eachAcceptedFormatIsStoredShownAndServedAsIs() throws Exception {
        Map<String, byte[]> images = Map.of("image/png", TestImages.png(64, 48), "image/jpeg", TestImages.jpeg(64, 48),
                "image/gif", TestImages.gif(64, 48), "image/webp", TestImages.webp(16, 12, 10, 200, 30));
        for (Map.Entry<String, byte[]> image : images.entrySet()) {
            String id = assistant(Map.of("name", "Avatar " + image.getKey()));

            // the client's content type and file name are not believed: the bytes decide
            HttpResponse<byte[]> uploaded = upload(id, image.getValue(), "innocent.txt", "text/plain", TestTokens.admin());

            assertThat(uploaded.statusCode()).as(new String(uploaded.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            JsonNode assistant = HttpApi.JSON.readTree(uploaded.body());
            assertThat(assistant.get("avatar_url").asString()).isEqualTo("/api/v1/assistants/" + id + "/avatar");
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image.getValue()));
            assertThat(assistant.get("avatar_image").asString()).startsWith(id + "/" + sha256 + ".");

            HttpResponse<byte[]> served = await().atMost(Duration.ofSeconds(20)).until(() -> get(id, null, null), r -> r.statusCode() == 200);
            assertThat(served.body()).isEqualTo(image.getValue());
            assertThat(served.headers().firstValue("Content-Type")).contains(image.getKey());
            assertThat(served.headers().firstValue("ETag")).contains("\"" + sha256 + "\"");
            assertThat(served.headers().firstValue("Cache-Control").orElse("")).contains("max-age");
            assertThat(get(id, null, "\"" + sha256 + "\"").statusCode()).isEqualTo(304);
        }
    }

    @Test
    void everyRefusedKindIsA400AndStoresNothing() {
        String id = assistant(Map.of("name", "Refusing"));
        Map<String, byte[]> refused = Map.of(
                "a PNG header on a text file", TestImages.pngHeaderOnText(),
                "an SVG", TestImages.svg(),
                "a GIF with a script appended", TestImages.polyglot(),
                "a truncated PNG", TestImages.truncatedPng(),
                "a PNG claiming 100000x100000", TestImages.pngClaiming(100_000, 100_000));
        refused.forEach((kind, bytes) -> {
            HttpResponse<byte[]> response = upload(id, bytes, "avatar.png", "image/png", TestTokens.admin());
            assertThat(response.statusCode()).as(kind).isEqualTo(400);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).as(kind).contains("INVALID_FILE_TYPE");
        });

        assertThat(objectsOf(id)).isEmpty();
    }

    /** The 413 comes before a byte of the body is read: the test never sends it. */
    @Test
    void overFiveMebibytesIsTooLargeAndNotEvenRead() throws IOException {
        String id = assistant(Map.of("name", "Too large"));

        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/v1/assistants/" + id + "/avatar HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + TestTokens.admin() + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: " + (6 * 1024 * 1024) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            byte[] answer = new byte[4096];
            int read = socket.getInputStream().read(answer);
            String response = new String(answer, 0, Math.max(read, 0), StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 413").contains("PAYLOAD_TOO_LARGE");
        }
        assertThat(objectsOf(id)).isEmpty();
    }

    @Test
    void anUploadOverTheLimitWithoutADeclaredLengthIsTooLarge() {
        String id = assistant(Map.of("name", "Too large, chunked"));
        byte[] big = TestImages.bytesOfSize(6 * 1024 * 1024);

        HttpResponse<byte[]> response;
        try {
            response = uploadChunked(id, big);
        } catch (UncheckedIOException connectionClosedWhileSending) {
            // the server may close the connection once the limit is crossed; nothing may be stored either way
            response = null;
        }

        if (response != null) {
            assertThat(response.statusCode()).isEqualTo(413);
        }
        assertThat(objectsOf(id)).isEmpty();
    }

    @Test
    void anUnknownAssistantGetsNothingStored() {
        String unknown = UUID.randomUUID().toString();

        assertThat(upload(unknown, TestImages.png(8, 8), "a.png", "image/png", TestTokens.admin()).statusCode()).isEqualTo(404);
        assertThat(objectsOf(unknown)).isEmpty();
        assertThat(get(unknown, null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void replacedAndDeletedAvatarsAreCleanedUp() {
        String id = assistant(Map.of("name", "Replaced"));
        upload(id, TestImages.png(10, 10), "a.png", "image/png", TestTokens.admin());
        String first = single(objectsOf(id));

        HttpResponse<byte[]> replaced = upload(id, TestImages.jpeg(12, 12), "b.jpg", "image/jpeg", TestTokens.admin());

        assertThat(replaced.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> !objectsOf(id).contains(first));
        assertThat(objectsOf(id)).hasSize(1);

        assertThat(writes.delete("/api/v1/assistants/" + id, TestTokens.admin()).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> objectsOf(id).isEmpty());
    }

    @Test
    void removingTheAvatarShowsNoneAndDeletesItsObject() {
        String id = assistant(Map.of("name", "Removed"));
        upload(id, TestImages.gif(10, 10), "a.gif", "image/gif", TestTokens.admin());

        HttpApi.Response removed = avatars.delete("/api/v1/assistants/" + id + "/avatar", TestTokens.admin());

        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.json().get("avatar_url").isNull()).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> objectsOf(id).isEmpty() && get(id, null, null).statusCode() == 404);
        assertThat(avatars.delete("/api/v1/assistants/" + id + "/avatar", TestTokens.admin()).status()).isEqualTo(404);
    }

    @Test
    void aPrivateAssistantsAvatarIsForUsersOnly() {
        String id = assistant(Map.of("name", "Private avatar", "user_authentication", true));
        upload(id, TestImages.png(10, 10), "a.png", "image/png", TestTokens.admin());

        await().atMost(Duration.ofSeconds(20)).until(() -> get(id, TestTokens.user(), null).statusCode() == 200);
        HttpResponse<byte[]> guest = get(id, null, null);

        assertThat(guest.statusCode()).isEqualTo(404);
        assertThat(get(id, TestTokens.user(), null).headers().firstValue("Cache-Control").orElse("")).contains("private");
    }

    @Test
    void onlyAdminsUploadAndRemove() {
        String id = assistant(Map.of("name", "Guarded avatar"));

        assertThat(upload(id, TestImages.png(8, 8), "a.png", "image/png", null).statusCode()).isEqualTo(401);
        assertThat(upload(id, TestImages.png(8, 8), "a.png", "image/png", TestTokens.user()).statusCode()).isEqualTo(403);
        assertThat(avatars.delete("/api/v1/assistants/" + id + "/avatar", TestTokens.user()).status()).isEqualTo(403);
        assertThat(objectsOf(id)).isEmpty();
    }

    @Test
    void withS3DownAnUploadIsA503AndRecordsNothing() {
        String id = assistant(Map.of("name", "S3 outage"));
        S3.stop();
        HttpResponse<byte[]> response;
        try {
            response = upload(id, TestImages.png(8, 8), "a.png", "image/png", TestTokens.admin());
        } finally {
            S3.start();
        }

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("DEPENDENCY_UNAVAILABLE").doesNotContain("Exception");
        assertThat(writes.get("/api/v1/assistants/" + id, TestTokens.admin()).status()).isIn(404, 405);
        assertThat(objectsOf(id)).isEmpty();
        assertThat(upload(id, TestImages.png(8, 8), "a.png", "image/png", TestTokens.admin()).statusCode()).isEqualTo(200);
    }

    private String assistant(Map<String, ?> body) {
        String id = writes.post("/api/v1/assistants", TestTokens.admin(), body).json().get("id").asString();
        // the upload needs avatar-service's view to know the assistant, which it learns from Kafka
        await().atMost(Duration.ofSeconds(20)).until(() ->
                upload(id, new byte[]{1}, "probe", "application/octet-stream", TestTokens.admin()).statusCode() == 400);
        return id;
    }

    private HttpResponse<byte[]> upload(String id, byte[] bytes, String fileName, String contentType, String token) {
        String boundary = "----avatar-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/assistants/" + id + "/avatar"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private HttpResponse<byte[]> uploadChunked(String id, byte[] bytes) {
        String boundary = "----avatar-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/assistants/" + id + "/avatar"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer " + TestTokens.admin())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(java.util.Collections.enumeration(
                        List.of(new java.io.ByteArrayInputStream(head), new java.io.ByteArrayInputStream(bytes),
                                new java.io.ByteArrayInputStream(tail))))));
        return send(request);
    }

    private HttpResponse<byte[]> get(String id, String token, String ifNoneMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/assistants/" + id + "/avatar"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return send(request);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> objectsOf(String id) {
        MinioClient client = MinioClient.builder().endpoint(S3.endpoint())
                .credentials(com.example.assistants.avatar.S3ServerHandle.ACCESS_KEY, com.example.assistants.avatar.S3ServerHandle.SECRET_KEY).build();
        List<String> keys = new ArrayList<>();
        try {
            for (Result<Item> item : client.listObjects(ListObjectsArgs.builder().bucket("assistant-avatars").prefix(id + "/").build())) {
                keys.add(item.get().objectName());
            }
        } catch (io.minio.errors.ErrorResponseException noBucketYet) {
            return keys;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return keys;
    }

    private static String single(List<String> keys) {
        assertThat(keys).hasSize(1);
        return keys.get(0);
    }
}
