package com.example.assistants.command.web;

import com.example.assistants.api.error.VersionConflictException;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An assistant's ETag is its version in quotes; If-Match names the version an update is based on. */
final class EntityTags {

    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    private EntityTags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** null when any version will do (no If-Match, or {@code *}). */
    static Long expectedVersion(UUID id, String ifMatch) {
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
}
