package io.github.assistantsplatform.avatar.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.assistantsplatform.avatar.TestImages;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** The image rules without HTTP: each accepted format, each refused kind, and why. */
class ImageInspectorTest {

    @Test
    void recognisesEachFormatByItsBytesAndReadsItsSize() {
        assertThat(ImageInspector.inspect(TestImages.png(40, 30))).isEqualTo(new InspectedImage(ImageType.PNG, 40, 30));
        assertThat(ImageInspector.inspect(TestImages.jpeg(41, 31)))
                .isEqualTo(new InspectedImage(ImageType.JPEG, 41, 31));
        assertThat(ImageInspector.inspect(TestImages.gif(42, 32))).isEqualTo(new InspectedImage(ImageType.GIF, 42, 32));
        assertThat(ImageInspector.inspect(TestImages.webp(16, 12, 200, 30, 40)))
                .isEqualTo(new InspectedImage(ImageType.WEBP, 16, 12));
    }

    @Test
    void refusesWhatIsNotAWholeAcceptedImage() {
        Map<String, byte[]> refused = Map.of(
                "a PNG header on a text file", TestImages.pngHeaderOnText(),
                "an SVG", TestImages.svg(),
                "a GIF with a script appended", TestImages.polyglot(),
                "a truncated PNG", TestImages.truncatedPng());
        refused.forEach((kind, bytes) -> assertThatThrownBy(() -> ImageInspector.inspect(bytes))
                .as(kind)
                .isInstanceOf(InvalidImageException.class));
    }

    @Test
    void refusesHugeDimensionsBeforeDecodingAnything() {
        assertThatThrownBy(() -> ImageInspector.inspect(TestImages.pngClaiming(100_000, 100_000)))
                .isInstanceOf(InvalidImageException.class)
                .hasMessageContaining("100000x100000");
        assertThat(ImageInspector.inspect(TestImages.png(4096, 1)).width()).isEqualTo(4096);
        assertThatThrownBy(() -> ImageInspector.inspect(TestImages.png(4097, 1)))
                .isInstanceOf(InvalidImageException.class);
    }
}
