package io.github.assistantsplatform.avatar.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The avatar bucket in S3 (MinIO in production, S3Proxy on a laptop): key {@code {assistant_id}/{sha256}.{ext}}. */
public class AvatarStorage {

    @ConfigurationProperties("assistants.s3")
    public record S3Properties(String endpoint, String accessKey, String secretKey, String bucket) {}

    /** What S3 answers to a bucket created between our look and our creation (MinIO, S3Proxy, AWS). */
    private static final Set<String> CREATED_MEANWHILE = Set.of("BucketAlreadyOwnedByYou", "BucketAlreadyExists");

    private final MinioClient client;
    private final String bucket;
    private volatile boolean bucketReady;

    public AvatarStorage(S3Properties properties) {
        this.client = MinioClient.builder()
                .endpoint(properties.endpoint())
                .credentials(properties.accessKey(), properties.secretKey())
                .build();
        this.client.setTimeout(2_000, 30_000, 30_000);
        this.bucket = properties.bucket();
    }

    public void put(String key, byte[] bytes, String contentType) {
        ensureBucket();
        call(() -> client.putObject(PutObjectArgs.builder().bucket(bucket).object(key).stream(
                        new ByteArrayInputStream(bytes), bytes.length, -1)
                .contentType(contentType)
                .build()));
    }

    /** The object's bytes as a stream, read from S3 as the caller reads it; the caller closes it. */
    public InputStream open(String key) {
        try {
            return call(() -> client.getObject(
                    GetObjectArgs.builder().bucket(bucket).object(key).build()));
        } catch (StorageException e) {
            if (e.getCause() instanceof ErrorResponseException response
                    && "NoSuchKey".equals(response.errorResponse().code())) {
                throw new MissingObjectException(key);
            }
            throw e;
        }
    }

    public void delete(String key) {
        call(() -> {
            client.removeObject(
                    RemoveObjectArgs.builder().bucket(bucket).object(key).build());
            return null;
        });
    }

    /** An object of the bucket: its key and when it was written. */
    public record StoredObject(String key, Instant lastModified) {}

    /** Every object of the bucket (none when it does not exist yet). */
    public List<StoredObject> all() {
        return call(() -> {
            List<StoredObject> objects = new ArrayList<>();
            if (!bucketExists()) {
                return objects;
            }
            for (Result<Item> result : client.listObjects(
                    ListObjectsArgs.builder().bucket(bucket).recursive(true).build())) {
                Item item = result.get();
                objects.add(
                        new StoredObject(item.objectName(), item.lastModified().toInstant()));
            }
            return objects;
        });
    }

    public List<String> keysUnder(String prefix) {
        return call(() -> {
            List<String> keys = new ArrayList<>();
            for (Result<Item> item : client.listObjects(ListObjectsArgs.builder()
                    .bucket(bucket)
                    .prefix(prefix)
                    .recursive(true)
                    .build())) {
                keys.add(item.get().objectName());
            }
            return keys;
        });
    }

    /** Asks S3 whether the bucket exists: an answer either way means S3 can be reached. */
    public boolean bucketExists() {
        return call(() ->
                client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()));
    }

    /** Creates the bucket on the first upload; another replica creating it at the same moment is no failure. */
    private void ensureBucket() {
        if (!bucketReady) {
            call(() -> {
                if (!bucketExists()) {
                    try {
                        client.makeBucket(
                                MakeBucketArgs.builder().bucket(bucket).build());
                    } catch (ErrorResponseException e) {
                        if (!CREATED_MEANWHILE.contains(e.errorResponse().code())) {
                            throw e;
                        }
                    }
                }
                return null;
            });
            bucketReady = true;
        }
    }

    private interface S3Call<T> {
        T call() throws Exception;
    }

    private static <T> T call(S3Call<T> call) {
        try {
            return call.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StorageException(e);
        }
    }

    /** The object is gone (deleted by hand, or a crash between storing and recording). */
    public static class MissingObjectException extends RuntimeException {
        MissingObjectException(String key) {
            super("No object " + key);
        }
    }

    /** S3 refused or could not be reached; see {@link AvatarStorageConfiguration} for how it is answered. */
    public static class StorageException extends RuntimeException {
        StorageException(Throwable cause) {
            super("Object storage failed: " + cause.getClass().getSimpleName(), cause);
        }
    }
}
