package io.github.assistantsplatform.command.audit;

import io.github.assistantsplatform.audit.Anchor;
import io.github.assistantsplatform.audit.CanonicalJson;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectLockConfigurationArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import io.minio.messages.Retention;
import io.minio.messages.RetentionMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The anchors' bucket: {@code anchors/{number, 20 digits}.json}, each written once. Where the server has
 * Object Lock the bucket is created with it and every anchor is put under a compliance-mode retention
 * that nobody, its root account included, can shorten; where it has not (S3Proxy on a laptop) the
 * anchors are written all the same and the bucket's {@link #locked} state says so, in every verify report.
 */
class AnchorBucket {

    private static final Logger log = LoggerFactory.getLogger(AnchorBucket.class);
    private static final String PREFIX = "anchors/";

    /** Any failure to reach or use the bucket: the anchor or the verify that needed it is not done. */
    static final class AnchorBucketException extends RuntimeException {
        AnchorBucketException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final MinioClient client;
    private final String bucket;
    private final AuditProperties properties;
    private volatile Boolean locked;

    AnchorBucket(MinioClient client, AuditProperties properties) {
        this.client = client;
        this.bucket = properties.anchorBucket();
        this.properties = properties;
    }

    static String key(long anchor) {
        return PREFIX + "%020d".formatted(anchor) + ".json";
    }

    /** Whether anchors are put under a compliance retention (the bucket has Object Lock). */
    boolean locked() {
        ensureBucket();
        return locked;
    }

    void put(Anchor anchor) {
        ensureBucket();
        byte[] bytes = anchor.toBytes();
        PutObjectArgs.Builder put = PutObjectArgs.builder().bucket(bucket).object(key(anchor.anchor())).stream(
                        new ByteArrayInputStream(bytes), bytes.length, -1)
                .contentType("application/json");
        if (locked) {
            put.retention(new Retention(
                    RetentionMode.COMPLIANCE, ZonedDateTime.now(ZoneOffset.UTC).plus(properties.anchorRetention())));
        }
        call("put anchor " + anchor.anchor(), () -> client.putObject(put.build()));
    }

    /** The anchor of that number, if the bucket holds it. */
    Optional<Anchor> get(long anchor) {
        ensureBucket();
        try (InputStream object = call(
                "read anchor " + anchor,
                () -> client.getObject(GetObjectArgs.builder()
                        .bucket(bucket)
                        .object(key(anchor))
                        .build()))) {
            return Optional.of(Anchor.fromJson(CanonicalJson.parse(object.readAllBytes())));
        } catch (AnchorBucketException e) {
            if (e.getCause() instanceof ErrorResponseException response
                    && "NoSuchKey".equals(response.errorResponse().code())) {
                return Optional.empty();
            }
            throw e;
        } catch (IOException e) {
            throw new AnchorBucketException("could not read anchor " + anchor, e);
        }
    }

    /** The highest-numbered anchor the bucket holds from {@code from} on (the store's latest, or a later one). */
    Optional<Anchor> latestFrom(long from) {
        ensureBucket();
        String latest = null;
        for (Result<Item> item : client.listObjects(ListObjectsArgs.builder()
                .bucket(bucket)
                .prefix(PREFIX)
                .startAfter(from > 1 ? key(from - 1) : null)
                .build())) {
            String key = call("list anchors", () -> item.get().objectName());
            if (latest == null || key.compareTo(latest) > 0) {
                latest = key;
            }
        }
        if (latest == null) {
            return Optional.empty();
        }
        return get(Long.parseLong(latest.substring(PREFIX.length(), latest.length() - ".json".length())));
    }

    private void ensureBucket() {
        if (locked != null) {
            return;
        }
        synchronized (this) {
            if (locked != null) {
                return;
            }
            if (!call(
                    "look for the anchor bucket",
                    () -> client.bucketExists(
                            BucketExistsArgs.builder().bucket(bucket).build()))) {
                try {
                    client.makeBucket(MakeBucketArgs.builder()
                            .bucket(bucket)
                            .objectLock(true)
                            .build());
                } catch (Exception e) {
                    log.warn(
                            "The anchor bucket {} could not be created with Object Lock ({}); creating it without",
                            bucket,
                            e.getMessage());
                    call("create the anchor bucket", () -> {
                        client.makeBucket(
                                MakeBucketArgs.builder().bucket(bucket).build());
                        return null;
                    });
                }
            }
            boolean lock;
            try {
                lock = client.getObjectLockConfiguration(GetObjectLockConfigurationArgs.builder()
                                .bucket(bucket)
                                .build())
                        != null;
            } catch (Exception e) {
                lock = false;
            }
            if (!lock) {
                log.warn(
                        "The anchor bucket {} has no Object Lock: anchors are written without a retention lock, and whoever "
                                + "administers the bucket could rewrite them",
                        bucket);
            }
            locked = lock;
        }
    }

    private interface S3Call<T> {
        T call() throws Exception;
    }

    private static <T> T call(String what, S3Call<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new AnchorBucketException("could not " + what, e);
        }
    }
}
