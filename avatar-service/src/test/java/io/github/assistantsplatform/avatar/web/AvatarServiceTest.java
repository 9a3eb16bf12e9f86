package io.github.assistantsplatform.avatar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.assistantsplatform.avatar.AvatarServiceApplication;
import io.github.assistantsplatform.command.CommandServiceApplication;
import io.github.assistantsplatform.support.test.EmbeddedPostgresServer;
import io.github.assistantsplatform.support.test.HttpApi;
import io.github.assistantsplatform.support.test.S3ServerHandle;
import io.github.assistantsplatform.support.test.TestKafka;
import io.github.assistantsplatform.support.test.TestServices;
import io.github.assistantsplatform.support.test.TestTokens;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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
import java.util.UUID;

/**
 * avatar-service against a real S3 endpoint (S3Proxy), a real Kafka broker and the real
 * command-service on PostgreSQL, over HTTP as a client would.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            AvatarServiceApplication.CONFIG_NAME,
            "assistants.jwt.secret=" + TestTokens.SECRET,
            // command-service (on the test class path to run the real write side) brings JPA and Flyway, which
            // avatar-service has not
            "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                    + "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
                    + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
                    + "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
            "axon.axonserver.enabled=false"
        })
public abstract class AvatarServiceTest {

    protected static final S3ServerHandle S3 = S3ServerHandle.started();
    private static final EmbeddedPostgresServer.Database EVENT_STORE = EmbeddedPostgresServer.newDatabase();
    private static ConfigurableApplicationContext commandService;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add(
                "assistants.kafka.bootstrap-servers", () -> TestKafka.broker().bootstrapServers());
        registry.add("assistants.command-service.url", () -> "http://localhost:" + commandServicePort());
        registry.add("assistants.s3.endpoint", S3::endpoint);
        registry.add("assistants.s3.access-key", () -> S3ServerHandle.ACCESS_KEY);
        registry.add("assistants.s3.secret-key", () -> S3ServerHandle.SECRET_KEY);
    }

    protected static synchronized int commandServicePort() {
        if (commandService == null) {
            List<String> arguments = new ArrayList<>(List.of(EVENT_STORE.arguments()));
            // its anchors are command-service's own tests' business
            arguments.add("--assistants.audit.anchor-interval=1h");
            commandService = TestServices.start(
                    CommandServiceApplication.class,
                    CommandServiceApplication.CONFIG_NAME,
                    arguments.toArray(String[]::new));
        }
        return TestServices.portOf(commandService);
    }

    @LocalServerPort
    protected int port;

    protected HttpApi avatars;
    protected HttpApi writes;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void clients() {
        avatars = new HttpApi(port);
        writes = new HttpApi(commandServicePort());
    }

    protected String assistant(Map<String, ?> body) {
        String id = writes.post("/api/v1/assistants", TestTokens.admin(), body)
                .json()
                .get("id")
                .asString();
        // the upload needs avatar-service's view to know the assistant, which it learns from Kafka
        await().atMost(Duration.ofSeconds(20))
                .until(() -> upload(id, new byte[] {1}, "probe", "application/octet-stream", TestTokens.admin())
                                .statusCode()
                        == 400);
        return id;
    }

    protected HttpResponse<byte[]> upload(String id, byte[] bytes, String fileName, String contentType, String token) {
        String boundary = "----avatar-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/assistants/" + id + "/avatar"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    protected HttpResponse<byte[]> uploadChunked(String id, byte[] bytes) {
        String boundary = "----avatar-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.png\"\r\n"
                        + "Content-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/assistants/" + id + "/avatar"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer " + TestTokens.admin())
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.SequenceInputStream(java.util.Collections.enumeration(List.of(
                                new java.io.ByteArrayInputStream(head),
                                new java.io.ByteArrayInputStream(bytes),
                                new java.io.ByteArrayInputStream(tail))))));
        return send(request);
    }

    protected HttpResponse<byte[]> get(String id, String token, String ifNoneMatch) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/assistants/" + id + "/avatar"));
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

    protected static List<String> objectsOf(String id) {
        MinioClient client = MinioClient.builder()
                .endpoint(S3.endpoint())
                .credentials(S3ServerHandle.ACCESS_KEY, S3ServerHandle.SECRET_KEY)
                .build();
        List<String> keys = new ArrayList<>();
        try {
            for (Result<Item> item : client.listObjects(ListObjectsArgs.builder()
                    .bucket("assistant-avatars")
                    .prefix(id + "/")
                    .build())) {
                keys.add(item.get().objectName());
            }
        } catch (io.minio.errors.ErrorResponseException noBucketYet) {
            return keys;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return keys;
    }

    protected static String single(List<String> keys) {
        assertThat(keys).hasSize(1);
        return keys.get(0);
    }
}
