package io.github.assistantsplatform.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text colour shown on an avatar whose text colour is not set, as the original API computes it:
 * {@code "black"} on light backgrounds, {@code "white"} on dark ones, by Rec. 709 luma; {@code "white"}
 * for a named colour (the default {@code "primary"}) or one it cannot read.
 */
public final class AvatarTextColor {

    static final String BLACK = "black";
    static final String WHITE = "white";

    private static final Pattern HEX = Pattern.compile("#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})");
    private static final Pattern RGB = Pattern.compile(
            "rgba?\\(\\s*(\\d{1,3})\\s*,\\s*(\\d{1,3})\\s*,\\s*(\\d{1,3})\\s*(,\\s*[0-9.]+%?\\s*)?\\)",
            Pattern.CASE_INSENSITIVE);

    private AvatarTextColor() {}

    public static String forBackground(String background) {
        return readable(background).orElse(WHITE);
    }

    private static Optional<String> readable(String background) {
        if (background == null) {
            return Optional.empty();
        }
        String color = background.trim();
        Matcher hex = HEX.matcher(color);
        if (hex.matches()) {
            String digits = hex.group(1);
            if (digits.length() == 3) {
                digits = "" + digits.charAt(0) + digits.charAt(0) + digits.charAt(1) + digits.charAt(1)
                        + digits.charAt(2) + digits.charAt(2);
            }
            return Optional.of(contrasting(
                    Integer.parseInt(digits.substring(0, 2), 16),
                    Integer.parseInt(digits.substring(2, 4), 16),
                    Integer.parseInt(digits.substring(4, 6), 16)));
        }
        Matcher rgb = RGB.matcher(color);
        if (rgb.matches()) {
            int red = Integer.parseInt(rgb.group(1));
            int green = Integer.parseInt(rgb.group(2));
            int blue = Integer.parseInt(rgb.group(3));
            if (red <= 255 && green <= 255 && blue <= 255) {
                return Optional.of(contrasting(red, green, blue));
            }
        }
        return Optional.empty();
    }

    private static String contrasting(int red, int green, int blue) {
        double luma = (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255;
        return luma > 0.5 ? BLACK : WHITE;
    }
}
