package io.github.assistantsplatform.avatar.web;

import io.github.assistantsplatform.support.test.TestTokens;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

/**
 * Upload and download latency of 1 MiB and 5 MiB images, and the heap the server's request threads
 * allocate per 5 MiB upload. Run with
 * {@code mvn -B -pl avatar-service -am verify -Dgroups=benchmark -Dbenchmark.excluded= -Dtest=AvatarBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class AvatarBenchmark extends AvatarServiceTest {

    @Test
    void uploadAndDownload() throws IOException {
        String id = assistant(Map.of("name", "Benchmark avatar"));
        for (int mebibytes : new int[] {1, 5}) {
            byte[] image = noisePng(mebibytes * 1024 * 1024 - 64 * 1024);
            Histogram upload = new Histogram(3);
            Histogram download = new Histogram(3);
            long allocatedBefore = serverThreadsAllocated();
            int rounds = 30;
            for (int i = 0; i < 5 + rounds; i++) {
                byte[] variant = Arrays.copyOf(image, image.length);
                long start = System.nanoTime();
                HttpResponse<byte[]> uploaded = upload(id, variant, "a.png", "image/png", TestTokens.admin());
                long uploadedAt = System.nanoTime();
                if (uploaded.statusCode() != 200) {
                    throw new IllegalStateException(uploaded.statusCode() + " " + new String(uploaded.body()));
                }
                HttpResponse<byte[]> downloaded = get(id, TestTokens.user(), null);
                long downloadedAt = System.nanoTime();
                if (i >= 5) {
                    upload.recordValue((uploadedAt - start) / 1_000);
                    download.recordValue((downloadedAt - uploadedAt) / 1_000);
                }
                if (i == 4) {
                    allocatedBefore = serverThreadsAllocated();
                }
            }
            long allocatedPerUpload = (serverThreadsAllocated() - allocatedBefore) / rounds;
            System.out.printf(
                    "%nBENCHMARK avatar %d MiB (%d bytes): upload p50 %.1f ms p99 %.1f ms; download p50 %.1f ms p99 %.1f ms; "
                            + "server request threads allocated %.1f MiB per upload+download%n",
                    mebibytes,
                    image.length,
                    upload.getValueAtPercentile(50) / 1000.0,
                    upload.getValueAtPercentile(99) / 1000.0,
                    download.getValueAtPercentile(50) / 1000.0,
                    download.getValueAtPercentile(99) / 1000.0,
                    allocatedPerUpload / 1024.0 / 1024.0);
        }
    }

    /** Bytes allocated so far by the threads serving requests (Tomcat's "http-nio" workers). */
    private static long serverThreadsAllocated() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long total = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("http-nio")) {
                total += threads.getThreadAllocatedBytes(info.getThreadId());
            }
        }
        return total;
    }

    /** A PNG of random pixels (it does not compress) of about {@code bytes}. */
    private static byte[] noisePng(int bytes) throws IOException {
        int side = (int) Math.sqrt(bytes / 3.0);
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(1);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
