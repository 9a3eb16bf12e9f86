package io.github.assistantsplatform.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.assistantsplatform.support.test.HttpApi;
import io.github.assistantsplatform.support.test.HttpApi.Response;
import io.github.assistantsplatform.support.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;

/** query-service on a random port, reading what the real command-service wrote. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {QueryServiceApplication.CONFIG_NAME, "assistants.jwt.secret=" + TestTokens.SECRET})
public abstract class QueryServiceTest {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestSystem.SHARED.configure(registry);
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    protected HttpApi reads;
    protected HttpApi writes;
    /** The actuator's own port, which is not published. */
    protected HttpApi management;

    @BeforeEach
    void clients() {
        reads = new HttpApi(port);
        writes = TestSystem.SHARED.commands();
        management = new HttpApi(managementPort);
    }

    /** Creates an assistant through the write side and waits until the read side shows it. */
    protected String create(Map<String, ?> body) {
        Response created = writes.post("/api/v1/assistants", TestTokens.admin(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        awaitVersion(id, 0);
        return id;
    }

    protected JsonNode update(String id, Map<String, ?> changes) {
        Response updated = writes.put("/api/v1/assistants/" + id, TestTokens.admin(), changes);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        awaitVersion(id, updated.json().get("version").asLong());
        return updated.json();
    }

    protected void delete(String id) {
        assertThat(writes.delete("/api/v1/assistants/" + id, TestTokens.admin()).status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> reads.get("/api/v1/assistants/" + id, TestTokens.admin())
                                .status()
                        == 404);
    }

    protected JsonNode awaitVersion(String id, long version) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> {
                            Response response = reads.get("/api/v1/assistants/" + id, TestTokens.admin());
                            return response.status() == 200 ? response.json() : null;
                        },
                        json -> json != null && json.get("version").asLong() >= version);
    }
}
