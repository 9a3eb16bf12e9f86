package io.github.assistantsplatform.avatar.image;

public record InspectedImage(ImageType type, int width, int height) {}
