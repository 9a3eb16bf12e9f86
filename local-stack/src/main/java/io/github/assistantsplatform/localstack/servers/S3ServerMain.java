package io.github.assistantsplatform.localstack.servers;

import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The local stack's S3 server, in a JVM of its own: S3Proxy on the file system, objects as files
 * in a folder. Arguments: {@code <port> <folder> <access key> <secret key>}.
 */
public final class S3ServerMain {

    private S3ServerMain() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path directory = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(directory);
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", directory.toString());
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("filesystem", properties))
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, args[2], args[3])
                .build();
        proxy.start();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                proxy.stop();
                            } catch (Exception e) {
                                System.err.println("The S3 server did not stop cleanly: " + e.getMessage());
                            }
                        },
                        "s3-shutdown"));
        System.out.println("S3 server on port " + port + ", objects in " + directory);
        Thread.currentThread().join();
    }
}
