package io.github.assistantsplatform.avatar.image;

/** The image formats an avatar may be, recognised by their bytes. */
public enum ImageType {
    PNG("image/png", "png", "png"),
    JPEG("image/jpeg", "jpg", "jpeg"),
    GIF("image/gif", "gif", "gif"),
    WEBP("image/webp", "webp", "webp");

    private final String contentType;
    private final String extension;
    private final String imageIoFormat;

    ImageType(String contentType, String extension, String imageIoFormat) {
        this.contentType = contentType;
        this.extension = extension;
        this.imageIoFormat = imageIoFormat;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    String imageIoFormat() {
        return imageIoFormat;
    }
}
