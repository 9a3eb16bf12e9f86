package io.github.assistantsplatform.avatar.storage;

import io.github.assistantsplatform.avatar.view.ViewSnapshotStore;
import io.minio.errors.ErrorResponseException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The assistants view's snapshot as one object in a bucket of its own
 * ({@code ASSISTANTS_S3_VIEW_SNAPSHOT_BUCKET}), apart from the avatars, so that nothing judging
 * avatar objects ever sees it.
 */
@Component
class ViewSnapshotBucket implements ViewSnapshotStore {

    private static final String KEY = "assistants-view.json";

    private final AvatarStorage bucket;

    ViewSnapshotBucket(
            AvatarStorage.S3Properties properties, @Value("${assistants.avatars.view-snapshot-bucket}") String bucket) {
        this.bucket = new AvatarStorage(new AvatarStorage.S3Properties(
                properties.endpoint(), properties.accessKey(), properties.secretKey(), bucket));
    }

    @Override
    public Optional<byte[]> read() {
        try (InputStream snapshot = bucket.open(KEY)) {
            return Optional.of(snapshot.readAllBytes());
        } catch (AvatarStorage.MissingObjectException none) {
            return Optional.empty();
        } catch (AvatarStorage.StorageException e) {
            if (e.getCause() instanceof ErrorResponseException response
                    && "NoSuchBucket".equals(response.errorResponse().code())) {
                return Optional.empty();
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(byte[] snapshot) {
        bucket.put(KEY, snapshot, "application/json");
    }
}
