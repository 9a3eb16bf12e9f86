package com.example.assistants.avatar.image;

public record InspectedImage(ImageType type, int width, int height) {
}
