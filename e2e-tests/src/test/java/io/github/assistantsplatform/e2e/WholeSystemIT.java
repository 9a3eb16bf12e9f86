package io.github.assistantsplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.assistantsplatform.benchmarks.RunningStack;
import io.github.assistantsplatform.support.test.HttpApi;
import io.github.assistantsplatform.support.test.HttpApi.Response;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole system started as the README says ({@code java -Xmx128m -XX:+UseSerialGC -jar local-stack/target/local-stack.jar}
 * after the build), driven through the gateway on :8080 the way a client would, with the tokens the
 * stack prints; plus a Kafka consumer that must see every event in order.
 */
class WholeSystemIT {

    private static RunningStack stack;
    private static String admin;
    private static String user;
    private static final HttpApi API = new HttpApi(8080);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startTheStackAsTheReadmeSays() throws Exception {
        stack = RunningStack.start(Path.of(System.getProperty("repository.root", ".."))
                .toAbsolutePath()
                .normalize());
        admin = stack.adminToken;
        user = stack.userToken;
    }

    @AfterAll
    static void stopTheStack() throws InterruptedException {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theWholeContractThroughOneUrl() throws Exception {
        try (KafkaConsumer<String, String> events = consumer()) {
            Response created =
                    API.post("/api/v1/assistants", admin, Map.of("name", "E2E bot", "use_semantic_cache", true));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String id = created.json().get("id").asString();

            JsonNode listed = await().atMost(Duration.ofSeconds(20))
                    .until(() -> API.get("/api/v1/assistants?limit=1000", null).json(), list -> contains(list, id));
            assertThat(contains(listed, id)).isTrue();
            assertThat(API.get("/api/v1/assistants/" + id, null)
                            .json()
                            .get("name")
                            .asString())
                    .isEqualTo("E2E bot");

            Response updated = API.put("/api/v1/assistants/" + id, admin, Map.of("description", "end to end"));
            assertThat(updated.status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> API.get("/api/v1/assistants/" + id, null)
                                    .json()
                                    .get("version")
                                    .asLong()
                            == 1);

            HttpResponse<byte[]> uploaded =
                    await().atMost(Duration.ofSeconds(20)).until(() -> upload(id, png()), r -> r.statusCode() == 200);
            assertThat(HttpApi.JSON.readTree(uploaded.body()).get("avatar_url").asString())
                    .isEqualTo("/api/v1/assistants/" + id + "/avatar");
            HttpResponse<byte[]> avatar =
                    await().atMost(Duration.ofSeconds(20)).until(() -> download(id, null), r -> r.statusCode() == 200);
            assertThat(avatar.headers().firstValue("Content-Type")).contains("image/png");
            assertThat(download(id, avatar.headers().firstValue("ETag").orElseThrow())
                            .statusCode())
                    .isEqualTo(304);
            assertThat(API.delete("/api/v1/assistants/" + id + "/avatar", admin).status())
                    .isEqualTo(200);

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> API.put(
                                            "/api/v1/assistants/" + id + "/cache",
                                            admin,
                                            Map.of("question", "What are your opening hours?", "answer", "9 to 5"))
                                    .status()
                            == 201);
            JsonNode hit = API.post(
                            "/api/v1/assistants/" + id + "/cache/lookup",
                            null,
                            Map.of("question", "What are your opening hours?"))
                    .json();
            assertThat(hit.get("hit").asBoolean()).isTrue();
            assertThat(API.delete("/api/v1/assistants/" + id + "/cache", admin)
                            .json()
                            .get("deleted_count")
                            .asLong())
                    .isEqualTo(1);

            JsonNode history =
                    API.get("/api/v1/assistants/" + id + "/history", admin).json();
            List<String> types = new ArrayList<>();
            history.forEach(entry -> types.add(entry.get("type").asString()));
            assertThat(types)
                    .containsExactly(
                            "AssistantCreated",
                            "AssistantUpdated",
                            "AvatarSet",
                            "AvatarRemoved",
                            "SemanticCachePurged");

            assertThat(API.delete("/api/v1/assistants/" + id, admin).status()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> API.get("/api/v1/assistants/" + id, admin).status() == 404);
            assertThat(API.put("/api/v1/assistants/" + id, admin, Map.of("name", "again"))
                            .status())
                    .isEqualTo(404);
            assertThat(API.delete("/api/v1/assistants/" + id, admin).status()).isEqualTo(404);

            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.size() < 6 && System.nanoTime() < deadline) {
                events.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (id.equals(record.key())) {
                        received.add(record);
                    }
                });
            }
            assertThat(received)
                    .extracting(record -> HttpApi.JSON
                            .readTree(record.value())
                            .get("sequence")
                            .asLong())
                    .containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        }
    }

    /** The audit through the one URL: the log from query-service, verify, an anchor in S3 and the export from command-service. */
    @Test
    void theAuditLogItsAnchorsAndItsExportThroughOneUrl() {
        String id = API.post("/api/v1/assistants", admin, Map.of("name", "E2E audited"))
                .json()
                .get("id")
                .asString();
        JsonNode logged = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> API.get("/api/v1/admin/audit?assistant_id=" + id, admin)
                                .json(),
                        log -> log.size() == 1);
        assertThat(logged.get(0).get("type").asString()).isEqualTo("AssistantCreated");

        Response anchored = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> API.post("/api/v1/admin/audit/anchors", admin, Map.of()),
                        anchor -> anchor.status() < 300
                                && anchor.json().get("position").asLong()
                                        >= logged.get(0).get("position").asLong());
        assertThat(anchored.json().get("locked").asBoolean())
                .as("S3Proxy has no Object Lock")
                .isFalse();
        Response verified = API.post("/api/v1/admin/audit/verify", admin, Map.of());
        assertThat(verified.json().get("status").asString()).as(verified.body()).isEqualTo("intact");
        assertThat(verified.json().get("anchor").get("anchor").asLong())
                .isEqualTo(anchored.json().get("anchor").asLong());
        Response export = API.get("/api/v1/admin/audit/export?assistant_id=" + id, admin);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body().lines()).hasSize(2);
    }

    @Test
    void guestsUsersAndAdminsSeeWhatTheyMay() {
        String id = API.post("/api/v1/assistants", admin, Map.of("name", "E2E private", "user_authentication", true))
                .json()
                .get("id")
                .asString();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> API.get("/api/v1/assistants/" + id, user).status() == 200);

        assertThat(API.get("/api/v1/assistants/" + id, null).status()).isEqualTo(401);
        assertThat(contains(API.get("/api/v1/assistants?limit=1000", null).json(), id))
                .isFalse();
        assertThat(contains(API.get("/api/v1/assistants?limit=1000", user).json(), id))
                .isTrue();
        assertThat(API.get("/api/v1/assistants/" + id + "/history", user).status())
                .isEqualTo(403);
        assertThat(API.post("/api/v1/assistants", user, Map.of("name", "nope")).status())
                .isEqualTo(403);
        assertThat(API.post("/api/v1/assistants", null, Map.of("name", "nope")).status())
                .isEqualTo(401);
        assertThat(API.get("/api/v1/assistants/" + UUID.randomUUID(), null).status())
                .isEqualTo(404);
    }

    @Test
    void theServicesInternalEndpointsAreNotReachableThroughThePublicUrl() {
        String id = API.post("/api/v1/assistants", admin, Map.of("name", "E2E internal"))
                .json()
                .get("id")
                .asString();
        String sha256 = "ab".repeat(32);
        Response reference = API.put(
                "/api/v1/assistants/" + id + "/avatar-reference",
                admin,
                Map.of(
                        "object_key",
                        id + "/" + sha256 + ".png",
                        "content_type",
                        "image/png",
                        "size",
                        1,
                        "sha256",
                        sha256,
                        "width",
                        1,
                        "height",
                        1));
        assertThat(reference.status()).as(reference.toString()).isEqualTo(404);
        assertThat(reference.json().get("code").asString()).isEqualTo("entity_not_found");
        assertThat(API.post("/api/v1/assistants/" + id + "/cache-purges", admin, Map.of("deleted_count", 1))
                        .status())
                .isEqualTo(404);
        assertThat(API.get("/api/v1/assistants/" + id + "/history", admin).json())
                .hasSize(1);
    }

    @Test
    void clientsSendingTheirBodiesSlowlyDoNotStarveAnyoneElse() throws Exception {
        String id = API.post("/api/v1/assistants", admin, Map.of("name", "E2E trickled"))
                .json()
                .get("id")
                .asString();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> API.get("/api/v1/assistants/" + id, null).status() == 200);
        List<Socket> trickling = new ArrayList<>();
        try {
            // each announces a 100,000-byte look-up and sends its first byte only: once, each held a gateway thread
            for (int i = 0; i < 300; i++) {
                Socket socket = new Socket("localhost", 8080);
                socket.getOutputStream()
                        .write(("POST /api/v1/assistants/" + id + "/cache/lookup HTTP/1.1\r\nHost: localhost\r\n"
                                        + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{")
                                .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                trickling.add(socket);
            }
            long slowest = 0;
            for (int i = 0; i < 50; i++) {
                long started = System.nanoTime();
                assertThat(API.get("/api/v1/assistants/" + id, null).status()).isEqualTo(200);
                slowest = Math.max(slowest, System.nanoTime() - started);
            }
            assertThat(Duration.ofNanos(slowest)).as("slowest ordinary request").isLessThan(Duration.ofSeconds(2));

            Socket first = trickling.get(0);
            first.setSoTimeout(30_000);
            String answer = new String(first.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer)
                    .as("a body that does not arrive within the deadline")
                    .isEqualTo("HTTP/1.1 408");
        } finally {
            for (Socket socket : trickling) {
                socket.close();
            }
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedAtTheGateway() throws Exception {
        byte[] huge = ("{\"name\": \"x\", \"description\": \"" + "d".repeat(2 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:8080/api/v1/assistants"))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("PAYLOAD_TOO_LARGE");
    }

    /**
     * Every metric a panel of the Grafana dashboard (deploy/grafana) queries is one a service exposes on its
     * management port, scraped without a token once the system has done what makes each appear.
     */
    @Test
    void everyMetricOfTheDashboardIsExposedByAService() throws Exception {
        String id = API.post("/api/v1/assistants", admin, Map.of("name", "Measured", "use_semantic_cache", true))
                .json()
                .get("id")
                .asString();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> API.put(
                                        "/api/v1/assistants/" + id + "/cache",
                                        admin,
                                        Map.of("question", "Where are you?", "answer", "Here."))
                                .status()
                        == 201);
        API.post("/api/v1/assistants/" + id + "/cache/lookup", null, Map.of("question", "Where are you?"));
        assertThat(API.delete("/api/v1/assistants/" + id + "/cache", admin).status())
                .isEqualTo(200);
        assertThat(upload(id, png()).statusCode()).isEqualTo(200);

        Set<String> dashboard = MonitoringTest.dashboardMetrics();
        Set<String> exposed = new TreeSet<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (int port : stack.managementPorts().values()) {
                Response scraped = new HttpApi(port).get("/actuator/prometheus", null);
                assertThat(scraped.status()).as("port %d without a token", port).isEqualTo(200);
                scraped.body()
                        .lines()
                        .filter(line -> !line.startsWith("#"))
                        .map(line -> line.split("[{ ]", 2)[0])
                        .forEach(exposed::add);
            }
            assertThat(exposed).containsAll(dashboard);
        });
    }

    @Test
    void oneSwaggerUiListsEveryServicesApi() {
        assertThat(API.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
        for (String service : List.of("command-service", "query-service", "avatar-service")) {
            Response docs = API.get("/openapi/" + service, null);
            assertThat(docs.status()).as(service).isEqualTo(200);
            assertThat(docs.json().get("paths").propertyNames())
                    .as(service)
                    .anyMatch(path -> path.startsWith("/api/v1/"));
        }
    }

    /**
     * Every route of the contract's table (docs/api.md) is in a service's OpenAPI document, as the gateway
     * serves them, with an operation id of its own, its success response and the error body for 4XX and 5XX:
     * a client generated from the documents can call every route.
     */
    @Test
    void theOpenApiDocumentsDescribeEveryRouteOfTheContract() throws Exception {
        Map<String, JsonNode> operations = new HashMap<>();
        for (String service : List.of("command-service", "query-service", "avatar-service")) {
            JsonNode paths = API.get("/openapi/" + service, null).json().get("paths");
            paths.properties()
                    .forEach(path -> path.getValue()
                            .properties()
                            .forEach(operation -> operations.put(
                                    operation.getKey().toUpperCase(Locale.ROOT) + " " + anyParameter(path.getKey()),
                                    operation.getValue())));
        }
        String contract = Files.readString(
                Path.of(System.getProperty("repository.root", "..")).resolve("docs/api.md"));
        Matcher row = Pattern.compile("(?m)^\\| ((?:GET|POST|PUT|DELETE)(?: / (?:GET|POST|PUT|DELETE))*) `([^`?]+)")
                .matcher(contract);
        List<String> routes = new ArrayList<>();
        while (row.find()) {
            for (String method : row.group(1).split(" / ")) {
                routes.add(method + " " + anyParameter(row.group(2)));
            }
        }

        assertThat(routes).as("the table's routes").hasSizeGreaterThanOrEqualTo(20);
        for (String route : routes) {
            JsonNode operation = operations.get(route);
            assertThat(operation).as("%s is in an OpenAPI document", route).isNotNull();
            assertThat(operation.has("operationId"))
                    .as("%s has an operation id", route)
                    .isTrue();
            assertThat(operation.get("responses").propertyNames())
                    .as("%s: its success and the error body", route)
                    .anyMatch(status -> status.startsWith("2"))
                    .contains("4XX", "5XX");
        }
        assertThat(operations.values().stream()
                        .map(operation -> operation.get("operationId").asString()))
                .as("operation ids are unique across the services")
                .doesNotHaveDuplicates();
    }

    /** A path with every parameter written alike: {@code /a/{id}/b} and {@code /a/{event id}/b} are one route. */
    private static String anyParameter(String path) {
        return path.replaceAll("\\{[^}]*}", "{}").replaceAll("/$", "");
    }

    @Test
    void aSecondStackOnTheSamePortsRefusesToStartInsteadOfSharingTheFirstOnesData() throws Exception {
        Path repository = Path.of(System.getProperty("repository.root", ".."))
                .toAbsolutePath()
                .normalize();
        ProcessBuilder second = new ProcessBuilder(RunningStack.launcherCommand(repository))
                .directory(repository.toFile())
                .redirectErrorStream(true);
        second.environment()
                .put(
                        "LOCAL_STACK_DATA",
                        Files.createTempDirectory("second-stack").toString());
        Process process = second.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).isEqualTo(1);
        assertThat(output)
                .contains("could not start: port 54321 for the PostgreSQL (LOCAL_STACK_POSTGRES_PORT) is in use");
        assertThat(API.get("/readyz", null).status())
                .as("the first stack keeps running")
                .isEqualTo(200);
    }

    /**
     * The compatibility suite: the stack driven as the original API's frontend drives it (from its
     * development origin, which the local stack allows), unchanged. The differences that remain are the
     * README's table.
     */
    @Nested
    class AsTheOriginalFrontendDrivesIt {

        private static final String ORIGIN = "http://localhost:5173";

        @Test
        void itLoadsTheListAndOneAssistantAndPutsItBackWholeWithAChange() {
            String id = API.post("/api/v1/assistants/", admin, Map.of("name", "Edited whole"))
                    .json()
                    .get("id")
                    .asString();
            JsonNode listed = await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> API.get("/api/v1/assistants/?limit=1000", admin)
                                    .json(),
                            list -> contains(list, id));
            assertThat(contains(listed, id)).isTrue();
            ObjectNode loaded = (ObjectNode)
                    API.get("/api/v1/assistants/" + id + "/", admin).json();
            loaded.put("description", "edited in the frontend");

            Response saved = API.put("/api/v1/assistants/" + id + "/", admin, loaded.toString());
            Response reread = API.send(
                    "GET",
                    "/api/v1/assistants/" + id,
                    admin,
                    null,
                    Map.of("X-Event-Position", saved.header("X-Event-Position")));

            assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
            assertThat(saved.json().get("version").asLong()).isEqualTo(1);
            assertThat(reread.json().get("description").asString())
                    .as("read your write")
                    .isEqualTo("edited in the frontend");
            assertThat(reread.json().get("avatar_text_color").asString()).isEqualTo("white");
        }

        @Test
        void itCreatesAnAssistantAndUploadsItsAvatarAtOnceThenDeletesTheAvatarTwice() throws Exception {
            Response created = API.post(
                    "/api/v1/assistants", admin, Map.of("name", "Uploaded at once", "avatar_bg_color", "#FFFFFF"));
            String id = created.json().get("id").asString();

            HttpResponse<byte[]> uploaded = upload(id, png());
            Response removed = API.delete("/api/v1/assistants/" + id + "/avatar", admin);
            Response removedAgain = API.delete("/api/v1/assistants/" + id + "/avatar/", admin);

            assertThat(created.json().get("avatar_text_color").asString()).isEqualTo("black");
            assertThat(uploaded.statusCode())
                    .as(new String(uploaded.body(), StandardCharsets.UTF_8))
                    .isEqualTo(200);
            assertThat(removed.status()).isEqualTo(200);
            assertThat(removed.json().get("avatar_url").isNull()).isTrue();
            assertThat(removedAgain.status()).isEqualTo(200);
            assertThat(removedAgain.json().get("version").asLong())
                    .as("nothing appended")
                    .isEqualTo(removed.json().get("version").asLong());
        }

        @Test
        void itsOriginIsAllowedAndMayReadTheHeadersItNeeds() throws Exception {
            HttpResponse<String> preflight = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:8080/api/v1/assistants/" + UUID.randomUUID()))
                            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                            .header("Origin", ORIGIN)
                            .header("Access-Control-Request-Method", "PUT")
                            .header("Access-Control-Request-Headers", "authorization,content-type")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> list = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:8080/api/v1/assistants"))
                            .header("Origin", ORIGIN)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(preflight.statusCode()).isEqualTo(200);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                    .contains(ORIGIN);
            assertThat(preflight
                            .headers()
                            .firstValue("Access-Control-Allow-Methods")
                            .orElseThrow())
                    .contains("PUT");
            assertThat(list.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
            assertThat(list.headers()
                            .firstValue("Access-Control-Expose-Headers")
                            .orElseThrow())
                    .contains("X-Total-Count", "ETag");
        }
    }

    private static boolean contains(JsonNode list, String id) {
        for (JsonNode assistant : list) {
            if (assistant.get("id").asString().equals(id)) {
                return true;
            }
        }
        return false;
    }

    private static KafkaConsumer<String, String> consumer() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092",
                        ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of("assistants.events.v1"));
        return consumer;
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static HttpResponse<byte[]> upload(String id, byte[] png) throws Exception {
        String boundary = "e2e-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
                        + "Content-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(png);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:8080/api/v1/assistants/" + id + "/avatar"))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> download(String id, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://localhost:8080/api/v1/assistants/" + id + "/avatar"));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
