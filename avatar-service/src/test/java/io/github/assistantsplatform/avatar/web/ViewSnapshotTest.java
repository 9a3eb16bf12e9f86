package io.github.assistantsplatform.avatar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.assistantsplatform.avatar.AvatarServiceApplication;
import io.github.assistantsplatform.avatar.TestImages;
import io.github.assistantsplatform.avatar.view.AssistantsView;
import io.github.assistantsplatform.avatar.view.ViewSnapshotStore;
import io.github.assistantsplatform.support.test.HttpApi;
import io.github.assistantsplatform.support.test.S3ServerHandle;
import io.github.assistantsplatform.support.test.TestServices;
import io.github.assistantsplatform.support.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;

/**
 * A second avatar-service replica starts from the view's latest snapshot, which the first one wrote,
 * and reads only the events published after it, not the whole topic.
 */
@TestPropertySource(properties = "assistants.avatars.view-snapshot-interval=1s")
class ViewSnapshotTest extends AvatarServiceTest {

    @Autowired
    AssistantsView view;

    @Autowired
    ViewSnapshotStore snapshots;

    @Test
    void aNewReplicaStartsFromTheLatestSnapshotAndReadsOnlyWhatCameAfterIt() {
        for (int i = 0; i < 20; i++) {
            writes.post("/api/v1/assistants", TestTokens.admin(), Map.of("name", "Before the snapshot " + i));
        }
        String shown = assistant(Map.of("name", "Shown before the snapshot"));
        assertThat(upload(shown, TestImages.png(8, 8), "a.png", "image/png", TestTokens.admin())
                        .statusCode())
                .isEqualTo(200);
        long readByTheFirst = await().atMost(Duration.ofSeconds(30)).until(view::recordsRead, read -> read >= 22);
        // a snapshot taken once the first replica has read all of that
        await().atMost(Duration.ofSeconds(30)).until(() -> snapshotShowsAnAvatarOf(shown));
        String after = writes.post("/api/v1/assistants", TestTokens.admin(), Map.of("name", "After the snapshot"))
                .json()
                .get("id")
                .asString();

        try (ConfigurableApplicationContext replica = startReplica()) {
            HttpApi second = new HttpApi(
                    ((WebServerApplicationContext) replica).getWebServer().getPort());
            AssistantsView secondView = replica.getBean(AssistantsView.class);
            await().atMost(Duration.ofSeconds(60)).until(secondView::isReady);

            assertThat(secondView.startedFromSnapshot()).isPresent();
            assertThat(secondView.recordsRead())
                    .as("read from the snapshot on, of %d", readByTheFirst)
                    .isLessThan(readByTheFirst);
            assertThat(second.get("/api/v1/assistants/" + shown + "/avatar", null)
                            .status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> second.delete("/api/v1/assistants/" + after + "/avatar", TestTokens.admin())
                                    .status()
                            != 503);
            HttpApi.Response removed = second.delete("/api/v1/assistants/" + after + "/avatar", TestTokens.admin());
            assertThat(removed.status())
                    .as("the replica knows the assistant created after the snapshot: %s", removed)
                    .isEqualTo(200);
            assertThat(removed.json().get("id").asString()).isEqualTo(after);
        }
    }

    private boolean snapshotShowsAnAvatarOf(String id) {
        return snapshots
                .read()
                .map(bytes -> {
                    for (JsonNode assistant : HttpApi.JSON.readTree(bytes).get("assistants")) {
                        if (assistant.get("id").asString().equals(id)
                                && !assistant.path("avatar").isNull()
                                && !assistant.path("avatar").isMissingNode()) {
                            return true;
                        }
                    }
                    return false;
                })
                .orElse(false);
    }

    private ConfigurableApplicationContext startReplica() {
        return TestServices.start(
                AvatarServiceApplication.class,
                AvatarServiceApplication.CONFIG_NAME,
                "--spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                        + "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
                        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
                        + "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
                "--axon.axonserver.enabled=false",
                "--assistants.command-service.url=http://localhost:" + commandServicePort(),
                "--assistants.s3.endpoint=" + S3.endpoint(),
                "--assistants.s3.access-key=" + S3ServerHandle.ACCESS_KEY,
                "--assistants.s3.secret-key=" + S3ServerHandle.SECRET_KEY);
    }
}
