package io.github.assistantsplatform.avatar;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Images made by the tests themselves: real ones of each format, and the kinds an attacker sends. */
public final class TestImages {

    private TestImages() {}

    public static byte[] png(int width, int height) {
        return write("png", width, height, BufferedImage.TYPE_INT_ARGB);
    }

    public static byte[] jpeg(int width, int height) {
        return write("jpeg", width, height, BufferedImage.TYPE_INT_RGB);
    }

    public static byte[] gif(int width, int height) {
        return write("gif", width, height, BufferedImage.TYPE_INT_RGB);
    }

    /**
     * A lossless WebP (VP8L) of one colour, encoded here bit by bit: the JDK writes no WebP.
     * With a single-symbol prefix code for each channel, the pixels themselves take no bits.
     */
    public static byte[] webp(int width, int height, int red, int green, int blue) {
        Bits bits = new Bits();
        bits.put(0x2F, 8); // VP8L signature
        bits.put(width - 1, 14);
        bits.put(height - 1, 14);
        bits.put(0, 1); // no alpha
        bits.put(0, 3); // version 0
        bits.put(0, 1); // no transform
        bits.put(0, 1); // no colour cache
        bits.put(0, 1); // no meta prefix codes
        for (int symbol : new int[] {green, red, blue, 255}) {
            bits.put(1, 1); // simple code
            bits.put(0, 1); // one symbol
            bits.put(1, 1); // of 8 bits
            bits.put(symbol, 8);
        }
        bits.put(1, 1); // distance code: simple, one symbol of 1 bit, symbol 0
        bits.put(0, 1);
        bits.put(0, 1);
        bits.put(0, 1);
        // zero bytes after the stream are ignored by decoders; some read ahead eight bytes at a time
        byte[] data = Arrays.copyOf(bits.bytes(), 32);
        int padded = data.length + (data.length % 2);
        ByteBuffer riff = ByteBuffer.allocate(20 + padded).order(ByteOrder.LITTLE_ENDIAN);
        riff.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(12 + padded)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII))
                .put("VP8L".getBytes(StandardCharsets.US_ASCII))
                .putInt(data.length)
                .put(data);
        return riff.array();
    }

    /** A real PNG whose header then claims 100000x100000: a decompression bomb's calling card. */
    public static byte[] pngClaiming(int width, int height) {
        byte[] png = png(8, 8);
        ByteBuffer.wrap(png).putInt(16, width).putInt(20, height);
        return png;
    }

    public static byte[] pngHeaderOnText() {
        byte[] text = "<?php system($_GET['c']); ?> just text, not an image".getBytes(StandardCharsets.UTF_8);
        byte[] forged = Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 8 + text.length);
        System.arraycopy(text, 0, forged, 8, text.length);
        return forged;
    }

    public static byte[] svg() {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A valid GIF with a script appended after its trailer: a GIF/JS polyglot. */
    public static byte[] polyglot() {
        byte[] gif = gif(8, 8);
        byte[] script = "\n/*<script>alert(document.cookie)</script>*/".getBytes(StandardCharsets.UTF_8);
        byte[] both = Arrays.copyOf(gif, gif.length + script.length);
        System.arraycopy(script, 0, both, gif.length, script.length);
        return both;
    }

    public static byte[] truncatedPng() {
        byte[] png = png(64, 64);
        return Arrays.copyOf(png, png.length / 2);
    }

    public static byte[] bytesOfSize(int size) {
        byte[] big = new byte[size];
        new java.util.Random(7).nextBytes(big);
        return big;
    }

    private static byte[] write(String format, int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(40, 120, 200));
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.ORANGE);
        graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int current;
        private int used;

        void put(int value, int count) {
            for (int i = 0; i < count; i++) {
                current |= ((value >> i) & 1) << used;
                if (++used == 8) {
                    out.write(current);
                    current = 0;
                    used = 0;
                }
            }
        }

        byte[] bytes() {
            if (used > 0) {
                out.write(current);
                current = 0;
                used = 0;
            }
            return out.toByteArray();
        }
    }
}
