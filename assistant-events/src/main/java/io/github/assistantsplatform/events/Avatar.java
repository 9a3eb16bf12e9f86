package io.github.assistantsplatform.events;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import java.util.UUID;

/**
 * An avatar image as stored: its object key in the bucket and what was verified of its bytes. The
 * key is {@code {assistant_id}/{sha256}.{ext}}: under its own assistant's prefix, named by its bytes,
 * so the clean-up of one assistant's objects can never reach another's.
 */
public record Avatar(
        @NotBlank @Pattern(regexp = KEY_SHAPE, message = "must be {assistant_id}/{sha256}.{png|jpg|gif|webp}")
        String objectKey,

        @Pattern(regexp = "image/(png|jpeg|gif|webp)") String contentType,
        @Positive long size,
        @Pattern(regexp = "[0-9a-f]{64}") String sha256,
        @Min(1) int width,
        @Min(1) int height) {

    private static final String KEY_SHAPE =
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/[0-9a-f]{64}\\.(png|jpg|gif|webp)";
    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile(KEY_SHAPE);

    /** The key an image of {@code sha256} gets as the avatar of {@code assistantId}. */
    public static String objectKey(UUID assistantId, String sha256, String extension) {
        return assistantId + "/" + sha256 + "." + extension;
    }

    /** Whether the object is the one this avatar's bytes give it under {@code assistantId}'s prefix. */
    public boolean isKeyedUnder(UUID assistantId) {
        return objectKey != null
                && KEY.matcher(objectKey).matches()
                && objectKey.startsWith(objectKey(assistantId, sha256, ""));
    }
}
