package com.example.assistants.api.assistant;

/** An avatar image as stored: its object key in the bucket and what was verified of its bytes. */
public record Avatar(String objectKey, String contentType, long size, String sha256, int width, int height) {
}
