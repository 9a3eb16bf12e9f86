package io.github.assistantsplatform.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.assistantsplatform.query.TestSystem;
import io.github.assistantsplatform.support.test.HttpApi;
import io.github.assistantsplatform.support.test.HttpApi.Response;
import io.github.assistantsplatform.support.test.TestServices;
import io.github.assistantsplatform.support.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two query-service replicas on one event store and one MongoDB, as a deployment runs them: what
 * one does to the read model (a rebuild, the projection's work) holds for both.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasTest {

    private static final String REBUILD = "/api/v1/admin/read-model/rebuild";
    private static final TestSystem SYSTEM = new TestSystem();
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static HttpApi one;
    private static HttpApi other;
    private static HttpApi writes;

    @BeforeAll
    static void twoReplicas() {
        first = SYSTEM.startQueryService("replica-one");
        second = SYSTEM.startQueryService("replica-other");
        one = new HttpApi(TestServices.portOf(first));
        other = new HttpApi(TestServices.portOf(second));
        writes = SYSTEM.commands();
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
    }

    @Test
    @Order(1)
    void aRebuildStartedOnOneReplicaIsTheOneOfBothAndNeitherAnswers404BeforeDuringOrAfterItsSwitch() {
        String kept = create("Kept across the rebuild");
        for (int i = 0; i < 100; i++) {
            writes.post("/api/v1/assistants", TestTokens.admin(), Map.of("name", "Replicas filler " + i));
        }
        awaitOnBoth(create("Last before the rebuild"), 0);

        Response started = one.post(REBUILD, TestTokens.admin(), null);
        Response refused = other.post(REBUILD, TestTokens.admin(), null);
        List<Integer> readsDuring = new ArrayList<>();
        Set<String> statesSeenByTheOther = new HashSet<>();
        JsonNode done = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> {
                            readsDuring.add(
                                    one.get("/api/v1/assistants/" + kept, null).status());
                            readsDuring.add(other.get("/api/v1/assistants/" + kept, null)
                                    .status());
                            JsonNode progress =
                                    other.get(REBUILD, TestTokens.admin()).json();
                            statesSeenByTheOther.add(progress.get("state").asString());
                            return progress;
                        },
                        progress -> progress.get("state").asString().equals("COMPLETED"));
        // a replica follows the switch within half a second: read on both for longer than that after it
        long afterSwitch = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < afterSwitch) {
            readsDuring.add(one.get("/api/v1/assistants/" + kept, null).status());
            readsDuring.add(other.get("/api/v1/assistants/" + kept, null).status());
        }

        assertThat(started.status()).isEqualTo(202);
        assertThat(refused.status()).as("one rebuild for all replicas").isEqualTo(409);
        assertThat(statesSeenByTheOther).contains("RUNNING");
        assertThat(done.get("collection").asString())
                .isEqualTo(started.json().get("collection").asString());
        assertThat(done.get("events_done").asLong())
                .isGreaterThanOrEqualTo(done.get("head_position").asLong());
        assertThat(readsDuring).hasSizeGreaterThan(20).containsOnly(200);
        assertThat(one.get(REBUILD, TestTokens.admin()).json()).isEqualTo(done);
        // the projection writes into the rebuilt collection, whichever replica holds its segments
        String after = create("Created after the rebuild");
        assertThat(writes.put("/api/v1/assistants/" + after, TestTokens.admin(), Map.of("description", "changed"))
                        .status())
                .isEqualTo(200);
        awaitOnBoth(after, 1);
    }

    @Test
    @Order(2)
    void theProjectionIsSplitIntoSegmentsWhichTheOtherReplicaTakesOverWhenOneStops() {
        JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
        List<String> owners = jdbc.queryForList(
                "SELECT owner FROM token_entry WHERE processor_name = ? ORDER BY segment",
                String.class,
                AssistantProjection.PROCESSING_GROUP);
        assertThat(owners).hasSize(4).doesNotContainNull();

        // the first replica started first and took every segment; stopping it hands them over
        first.close();
        long stopped = System.nanoTime();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> jdbc.queryForList(
                                "SELECT owner FROM token_entry WHERE processor_name = ?",
                                String.class,
                                AssistantProjection.PROCESSING_GROUP),
                        taken -> taken.size() == 4 && taken.stream().allMatch("replica-other"::equals));
        Duration takeOver = Duration.ofNanos(System.nanoTime() - stopped);

        // enough assistants that every segment has some
        for (int i = 0; i < 12; i++) {
            create("Projected by the replica left " + i, other);
        }
        System.out.println("[replicas] every segment of the projection claimed by the replica left "
                + takeOver.toMillis() + " ms after the one holding them stopped");
    }

    private static String create(String name) {
        return create(name, one);
    }

    /** Creates an assistant and waits until {@code reads} shows it. */
    private static String create(String name, HttpApi reads) {
        Response created = writes.post("/api/v1/assistants", TestTokens.admin(), Map.of("name", name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> reads.get("/api/v1/assistants/" + id, null).status() == 200);
        return id;
    }

    private static void awaitOnBoth(String id, long version) {
        for (HttpApi replica : List.of(one, other)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                Response read = replica.get("/api/v1/assistants/" + id, null);
                return read.status() == 200 && read.json().get("version").asLong() == version;
            });
        }
    }
}
