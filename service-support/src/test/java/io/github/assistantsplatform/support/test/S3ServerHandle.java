package io.github.assistantsplatform.support.test;

import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** A real S3 endpoint (S3Proxy on the file system) that a test can stop and start again on the same port. */
public final class S3ServerHandle {

    public static final String ACCESS_KEY = "test-access";
    public static final String SECRET_KEY = "test-secret-key";

    private final Path directory;
    private int port;
    private S3Proxy proxy;

    private S3ServerHandle() {
        try {
            directory = Files.createTempDirectory("s3-objects");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static S3ServerHandle started() {
        return new S3ServerHandle().start();
    }

    public synchronized S3ServerHandle start() {
        Properties properties = new Properties();
        properties.setProperty(
                "jclouds.filesystem.basedir", directory.toAbsolutePath().toString());
        proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("filesystem", properties))
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        try {
            proxy.start();
            while (!"STARTED".equals(proxy.getState())) {
                Thread.onSpinWait();
            }
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
        port = proxy.getPort();
        return this;
    }

    public synchronized void stop() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }
}
