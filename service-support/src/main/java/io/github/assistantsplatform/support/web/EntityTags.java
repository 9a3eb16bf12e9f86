package io.github.assistantsplatform.support.web;

import io.github.assistantsplatform.api.error.VersionConflictException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Entity tags and the hashes they are made of: an assistant's ETag is its version in quotes, an avatar's
 * the SHA-256 of its bytes; If-Match names the version an update is based on.
 */
public final class EntityTags {

    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    private EntityTags() {}

    public static String of(long version) {
        return of(String.valueOf(version));
    }

    public static String of(String opaque) {
        return "\"" + opaque + "\"";
    }

    /** null when any version will do (no If-Match, or {@code *}). */
    public static Long expectedVersion(UUID id, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        Matcher matcher = VERSION.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            // an ETag this server never issued cannot match the current version
            throw new VersionConflictException(id, ifMatch.trim());
        }
        return Long.parseLong(matcher.group(1));
    }

    /** The SHA-256 of {@code bytes}, in lowercase hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
