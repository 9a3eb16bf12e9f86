package io.github.assistantsplatform.avatar.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assistantsplatform.support.test.S3ServerHandle;
import org.junit.jupiter.api.RepeatedTest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The avatar bucket on a real S3 endpoint (S3Proxy), as several replicas use it. */
class AvatarStorageTest {

    private static final S3ServerHandle S3 = S3ServerHandle.started();

    @RepeatedTest(5)
    void replicasUploadingTheirFirstAvatarsAtOnceCreateTheBucketOnceAndAllSucceed() throws Exception {
        AvatarStorage.S3Properties properties = new AvatarStorage.S3Properties(
                S3.endpoint(), S3ServerHandle.ACCESS_KEY, S3ServerHandle.SECRET_KEY, "avatars-" + UUID.randomUUID());
        int replicas = 6;
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> uploads = new ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                AvatarStorage replica = new AvatarStorage(properties);
                String key = UUID.randomUUID() + "/" + "ab".repeat(32) + ".png";
                uploads.add(pool.submit(() -> {
                    start.await();
                    replica.put(key, new byte[] {1, 2, 3}, "image/png");
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> upload : uploads) {
                upload.get();
            }

            assertThat(new AvatarStorage(properties).all()).hasSize(replicas);
        } finally {
            pool.shutdownNow();
        }
    }
}
