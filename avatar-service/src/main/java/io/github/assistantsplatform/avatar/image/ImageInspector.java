package io.github.assistantsplatform.avatar.image;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Decides whether bytes are an avatar: a PNG, JPEG, GIF or WebP by their signature (never by a
 * client's content type or file name), of at most 4096x4096 as its header says (checked before
 * anything is decoded, so a small file claiming huge dimensions costs nothing), with nothing after
 * the image's end (no polyglot riding along), and decoding as that format.
 */
public final class ImageInspector {

    public static final int MAX_SIDE = 4096;
    /** Decoding is only a proof that the image is whole: read subsampled to at most this many pixels a side. */
    private static final int PROOF_SIDE = 256;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] PNG_END = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};

    private ImageInspector() {}

    public static InspectedImage inspect(byte[] bytes) {
        ImageType type = typeOf(bytes);
        int[] size = declaredSize(type, bytes);
        if (size[0] <= 0 || size[1] <= 0) {
            throw new InvalidImageException("The image header declares no valid dimensions");
        }
        if (size[0] > MAX_SIDE || size[1] > MAX_SIDE) {
            throw new InvalidImageException("The image is " + size[0] + "x" + size[1] + "; at most " + MAX_SIDE + "x"
                    + MAX_SIDE + " is accepted");
        }
        if (!endsWhereTheImageEnds(type, bytes)) {
            throw new InvalidImageException("The file does not end where the " + type + " image ends (truncated, or "
                    + "other content appended)");
        }
        decode(type, bytes, size);
        return new InspectedImage(type, size[0], size[1]);
    }

    static ImageType typeOf(byte[] bytes) {
        if (startsWith(bytes, PNG_SIGNATURE, 0)) {
            return ImageType.PNG;
        }
        if (bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return ImageType.JPEG;
        }
        if (startsWith(bytes, "GIF87a".getBytes(), 0) || startsWith(bytes, "GIF89a".getBytes(), 0)) {
            return ImageType.GIF;
        }
        if (startsWith(bytes, "RIFF".getBytes(), 0) && startsWith(bytes, "WEBP".getBytes(), 8)) {
            return ImageType.WEBP;
        }
        throw new InvalidImageException("Not a PNG, JPEG, GIF or WebP image");
    }

    /** Width and height as the header states them; {0, 0} when it cannot be read. */
    private static int[] declaredSize(ImageType type, byte[] b) {
        try {
            return switch (type) {
                case PNG -> startsWith(b, "IHDR".getBytes(), 12) ? new int[] {int32(b, 16), int32(b, 20)} : new int[2];
                case GIF -> new int[] {u16le(b, 6), u16le(b, 8)};
                case JPEG -> jpegSize(b);
                case WEBP -> webpSize(b);
            };
        } catch (ArrayIndexOutOfBoundsException truncated) {
            return new int[2];
        }
    }

    private static int[] jpegSize(byte[] b) {
        int offset = 2;
        while (offset + 9 < b.length) {
            if ((b[offset] & 0xFF) != 0xFF) {
                return new int[2];
            }
            int marker = b[offset + 1] & 0xFF;
            boolean startOfFrame =
                    marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                return new int[] {u16(b, offset + 7), u16(b, offset + 5)};
            }
            offset += 2 + u16(b, offset + 2);
        }
        return new int[2];
    }

    private static int[] webpSize(byte[] b) {
        if (startsWith(b, "VP8 ".getBytes(), 12)) {
            return new int[] {u16le(b, 26) & 0x3FFF, u16le(b, 28) & 0x3FFF};
        }
        if (startsWith(b, "VP8L".getBytes(), 12)) {
            int b0 = b[21] & 0xFF, b1 = b[22] & 0xFF, b2 = b[23] & 0xFF, b3 = b[24] & 0xFF;
            return new int[] {1 + (b0 | (b1 & 0x3F) << 8), 1 + (b1 >> 6 | b2 << 2 | (b3 & 0x0F) << 10)};
        }
        if (startsWith(b, "VP8X".getBytes(), 12)) {
            return new int[] {1 + u24le(b, 24), 1 + u24le(b, 27)};
        }
        return new int[2];
    }

    private static boolean endsWhereTheImageEnds(ImageType type, byte[] b) {
        return switch (type) {
            case PNG -> b.length >= PNG_END.length && startsWith(b, PNG_END, b.length - PNG_END.length);
            case JPEG -> (b[b.length - 2] & 0xFF) == 0xFF && (b[b.length - 1] & 0xFF) == 0xD9;
            case GIF -> b[b.length - 1] == 0x3B;
            case WEBP -> {
                long declared = 8L + (u16le(b, 4) | (long) u16le(b, 6) << 16);
                yield declared == b.length || declared + 1 == b.length && declared % 2 == 1;
            }
        };
    }

    private static void decode(ImageType type, byte[] bytes, int[] size) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.imageIoFormat());
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + type);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, true, true);
            if (reader.getWidth(0) != size[0] || reader.getHeight(0) != size[1]) {
                throw new InvalidImageException("The image's dimensions do not match its header");
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, (Math.max(size[0], size[1]) + PROOF_SIDE - 1) / PROOF_SIDE);
            param.setSourceSubsampling(step, step, 0, 0);
            reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidImageException invalid) {
                throw invalid;
            }
            throw new InvalidImageException("The file is not a whole " + type + " image (it does not decode)");
        } finally {
            reader.dispose();
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix, int at) {
        return bytes.length >= at + prefix.length
                && Arrays.equals(bytes, at, at + prefix.length, prefix, 0, prefix.length);
    }

    private static int int32(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }

    private static int u16le(byte[] b, int at) {
        return b[at] & 0xFF | (b[at + 1] & 0xFF) << 8;
    }

    private static int u24le(byte[] b, int at) {
        return b[at] & 0xFF | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16;
    }
}
