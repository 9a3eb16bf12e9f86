package io.github.assistantsplatform.avatar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.assistantsplatform.avatar.TestImages;
import io.github.assistantsplatform.support.test.Digests;
import io.github.assistantsplatform.support.test.HttpApi;
import io.github.assistantsplatform.support.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** The avatar contract over HTTP: every accepted and refused kind, clean-up, visibility, S3 down. */
class AvatarApiTest extends AvatarServiceTest {

    @Test
    void eachAcceptedFormatIsStoredShownAndServedAsIs() throws Exception {
        Map<String, byte[]> images = Map.of(
                "image/png",
                TestImages.png(64, 48),
                "image/jpeg",
                TestImages.jpeg(64, 48),
                "image/gif",
                TestImages.gif(64, 48),
                "image/webp",
                TestImages.webp(16, 12, 10, 200, 30));
        for (Map.Entry<String, byte[]> image : images.entrySet()) {
            String id = assistant(Map.of("name", "Avatar " + image.getKey()));

            // the client's content type and file name are not believed: the bytes decide
            HttpResponse<byte[]> uploaded =
                    upload(id, image.getValue(), "innocent.txt", "text/plain", TestTokens.admin());

            assertThat(uploaded.statusCode())
                    .as(new String(uploaded.body(), StandardCharsets.UTF_8))
                    .isEqualTo(200);
            JsonNode assistant = HttpApi.JSON.readTree(uploaded.body());
            assertThat(assistant.get("avatar_url").asString()).isEqualTo("/api/v1/assistants/" + id + "/avatar");
            String sha256 = Digests.sha256(image.getValue());
            assertThat(assistant.get("avatar_image").asString()).startsWith(id + "/" + sha256 + ".");

            HttpResponse<byte[]> served =
                    await().atMost(Duration.ofSeconds(20)).until(() -> get(id, null, null), r -> r.statusCode() == 200);
            assertThat(served.body()).isEqualTo(image.getValue());
            assertThat(served.headers().firstValue("Content-Type")).contains(image.getKey());
            assertThat(served.headers().firstValue("ETag")).contains("\"" + sha256 + "\"");
            assertThat(served.headers().firstValue("Cache-Control").orElse("")).contains("max-age");
            assertThat(get(id, null, "\"" + sha256 + "\"").statusCode()).isEqualTo(304);
        }
    }

    @Test
    void anUploadRightAfterTheCreateThatAnswered201SucceedsAndAnswersItsPosition() {
        for (int i = 0; i < 5; i++) {
            String id = writes.post("/api/v1/assistants", TestTokens.admin(), Map.of("name", "Uploaded at once " + i))
                    .json()
                    .get("id")
                    .asString();

            HttpResponse<byte[]> uploaded = upload(id, TestImages.png(4, 4), "a.png", "image/png", TestTokens.admin());

            assertThat(uploaded.statusCode()).as(new String(uploaded.body())).isEqualTo(200);
            assertThat(uploaded.headers().firstValue("X-Event-Position")).isPresent();
            HttpApi.Response removed = avatars.send(
                    "DELETE",
                    "/api/v1/assistants/" + id + "/avatar",
                    TestTokens.admin(),
                    null,
                    Map.of(
                            "X-Event-Position",
                            uploaded.headers().firstValue("X-Event-Position").orElseThrow()));
            assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
            assertThat(removed.json().get("avatar_url").isNull())
                    .as("the avatar was shown, and now is not")
                    .isTrue();
            assertThat(removed.json().get("version").asLong()).isEqualTo(2);
        }
    }

    @Test
    void anUnknownAssistantIsStillNotFound() {
        assertThat(upload(UUID.randomUUID().toString(), TestImages.png(4, 4), "a.png", "image/png", TestTokens.admin())
                        .statusCode())
                .isEqualTo(404);
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
            assertThat(new String(response.body(), StandardCharsets.UTF_8))
                    .as(kind)
                    .contains("INVALID_FILE_TYPE");
        });

        assertThat(objectsOf(id)).isEmpty();
    }

    /** The 413 comes before a byte of the body is read: the test never sends it. */
    @Test
    void overFiveMebibytesIsTooLargeAndNotEvenRead() throws IOException {
        String id = assistant(Map.of("name", "Too large"));

        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("POST /api/v1/assistants/" + id + "/avatar HTTP/1.1\r\nHost: localhost\r\n"
                                    + "Authorization: Bearer " + TestTokens.admin() + "\r\n"
                                    + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: "
                                    + (6 * 1024 * 1024) + "\r\n\r\n")
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

        assertThat(upload(unknown, TestImages.png(8, 8), "a.png", "image/png", TestTokens.admin())
                        .statusCode())
                .isEqualTo(404);
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

        assertThat(writes.delete("/api/v1/assistants/" + id, TestTokens.admin()).status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> objectsOf(id).isEmpty());
    }

    @Test
    void removingTheAvatarShowsNoneAndDeletesItsObject() {
        String id = assistant(Map.of("name", "Removed"));
        upload(id, TestImages.gif(10, 10), "a.gif", "image/gif", TestTokens.admin());

        HttpApi.Response removed = avatars.delete("/api/v1/assistants/" + id + "/avatar", TestTokens.admin());

        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.json().get("avatar_url").isNull()).isTrue();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> objectsOf(id).isEmpty() && get(id, null, null).statusCode() == 404);

        HttpApi.Response again = avatars.delete("/api/v1/assistants/" + id + "/avatar", TestTokens.admin());
        assertThat(again.status()).as("idempotent, as in the original").isEqualTo(200);
        assertThat(again.json().get("version").asLong())
                .as("no event appended")
                .isEqualTo(removed.json().get("version").asLong());
    }

    @Test
    void aPrivateAssistantsAvatarIsForUsersOnly() {
        String id = assistant(Map.of("name", "Private avatar", "user_authentication", true));
        upload(id, TestImages.png(10, 10), "a.png", "image/png", TestTokens.admin());

        await().atMost(Duration.ofSeconds(20))
                .until(() -> get(id, TestTokens.user(), null).statusCode() == 200);
        HttpResponse<byte[]> guest = get(id, null, null);

        assertThat(guest.statusCode()).isEqualTo(404);
        assertThat(get(id, TestTokens.user(), null)
                        .headers()
                        .firstValue("Cache-Control")
                        .orElse(""))
                .contains("private");
    }

    @Test
    void onlyAdminsUploadAndRemove() {
        String id = assistant(Map.of("name", "Guarded avatar"));

        assertThat(upload(id, TestImages.png(8, 8), "a.png", "image/png", null).statusCode())
                .isEqualTo(401);
        assertThat(upload(id, TestImages.png(8, 8), "a.png", "image/png", TestTokens.user())
                        .statusCode())
                .isEqualTo(403);
        assertThat(avatars.delete("/api/v1/assistants/" + id + "/avatar", TestTokens.user())
                        .status())
                .isEqualTo(403);
        assertThat(objectsOf(id)).isEmpty();
    }

    @Test
    void withS3DownAnUploadIsA503AndRecordsNothing() {
        String id = assistant(Map.of("name", "S3 outage"));
        S3.stop();
        HttpResponse<byte[]> response;
        int readiness;
        int liveness;
        try {
            response = upload(id, TestImages.png(8, 8), "a.png", "image/png", TestTokens.admin());
            readiness = avatars.get("/readyz", null).status();
            liveness = avatars.get("/livez", null).status();
        } finally {
            S3.start();
        }
        assertThat(readiness).as("out of rotation while S3 is down").isEqualTo(503);
        assertThat(liveness).as("not restarted for it").isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> avatars.get("/readyz", null).status() == 200);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .contains("DEPENDENCY_UNAVAILABLE")
                .doesNotContain("Exception");
        assertThat(writes.get("/api/v1/assistants/" + id, TestTokens.admin()).status())
                .isIn(404, 405);
        assertThat(objectsOf(id)).isEmpty();
        assertThat(upload(id, TestImages.png(8, 8), "a.png", "image/png", TestTokens.admin())
                        .statusCode())
                .isEqualTo(200);
    }
}
