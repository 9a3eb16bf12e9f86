package com.example.assistants.api.assistant;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/** An avatar image as stored: its object key in the bucket and what was verified of its bytes. */
public record Avatar(@NotBlank String objectKey,
                     @Pattern(regexp = "image/(png|jpeg|gif|webp)") String contentType,
                     @Positive long size,
                     @Pattern(regexp = "[0-9a-f]{64}") String sha256,
                     @Min(1) int width,
                     @Min(1) int height) {
}
