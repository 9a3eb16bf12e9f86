package io.github.assistantsplatform.avatar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.assistantsplatform.avatar.TestImages;
import io.github.assistantsplatform.avatar.storage.AvatarStorage;
import io.github.assistantsplatform.avatar.storage.OrphanedAvatars;
import io.github.assistantsplatform.avatar.view.AssistantsView;
import io.github.assistantsplatform.model.PlatformJson;
import io.github.assistantsplatform.support.test.Digests;
import io.github.assistantsplatform.support.test.HttpApi;
import io.github.assistantsplatform.support.test.TestTokens;
import io.github.assistantsplatform.support.web.CommandServiceClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * command-service cannot be reached from avatar-service: an upload's outcome is unknown, so its
 * object stays, and the reconciler deletes it (here with no grace period) while it keeps every
 * object an assistant shows.
 */
class OrphanedAvatarsTest extends AvatarServiceTest {

    @DynamicPropertySource
    static void noGracePeriod(DynamicPropertyRegistry registry) {
        registry.add("assistants.avatars.orphan-grace-period", () -> "0s");
        registry.add("assistants.avatars.orphan-check-initial-delay", () -> "1h");
        registry.add("test.command-service.port", AvatarServiceTest::commandServicePort);
    }

    /** The real client, pointed at a port nobody listens on: command-service unreachable for avatar-service. */
    @TestBean
    CommandServiceClient commandServiceClient;

    static CommandServiceClient commandServiceClient() {
        try (ServerSocket nobody = new ServerSocket(0)) {
            return new CommandServiceClient(
                    "http://localhost:" + nobody.getLocalPort(),
                    PlatformJson.conventions(JsonMapper.builder()).build(),
                    new SimpleMeterRegistry(),
                    ObservationRegistry.NOOP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    OrphanedAvatars orphans;

    @Autowired
    AvatarStorage storage;

    @Autowired
    AssistantsView view;

    @Test
    void anUploadWithAnUnknownOutcomeKeepsItsObjectUntilTheReconcilerFindsNoAssistantShowsIt() throws Exception {
        String orphaned = assistant(Map.of("name", "Unknown outcome"));
        HttpResponse<byte[]> upload = upload(orphaned, TestImages.png(9, 9), "a.png", "image/png", TestTokens.admin());
        assertThat(upload.statusCode()).isEqualTo(503);
        assertThat(objectsOf(orphaned))
                .as("kept: the command may still have committed")
                .hasSize(1);

        String shown = assistant(Map.of("name", "Shown"));
        byte[] png = TestImages.png(11, 11);
        String sha256 = Digests.sha256(png);
        String key = shown + "/" + sha256 + ".png";
        storage.put(key, png, "image/png");
        HttpApi.Response set = writes.put(
                "/api/v1/assistants/" + shown + "/avatar-reference",
                TestTokens.admin(),
                Map.of(
                        "object_key",
                        key,
                        "content_type",
                        "image/png",
                        "size",
                        png.length,
                        "sha256",
                        sha256,
                        "width",
                        11,
                        "height",
                        11));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> view.shows(UUID.fromString(shown), key));

        assertThat(orphans.deleteOrphans()).isGreaterThanOrEqualTo(1);

        assertThat(objectsOf(orphaned)).isEmpty();
        assertThat(objectsOf(shown)).containsExactly(key);
    }
}
