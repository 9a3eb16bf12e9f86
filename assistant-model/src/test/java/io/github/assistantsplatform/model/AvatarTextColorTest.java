package io.github.assistantsplatform.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AvatarTextColorTest {

    @ParameterizedTest
    @CsvSource({
        "#FFFFFF, black",
        "#000000, white",
        "#fff, black",
        "#112233, white",
        "#00FF00, black", // green weighs 0.7152: bright
        "#0000FF, white", // blue weighs 0.0722: dark
        "#FF0000, white", // red weighs 0.2126: dark
        "'rgb(255, 255, 0)', black",
        "'rgba(10,10,10,0.5)', white",
        "#80808080, black" // 0.502: just light
    })
    void contrastsWithTheBackgroundByRec709Luma(String background, String text) {
        assertThat(AvatarTextColor.forBackground(background)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"primary", "blue", "#12", "rgb(300, 0, 0)", "#GGGGGG", ""})
    @NullSource
    void isWhiteOnNamedOrMalformedColours(String background) {
        assertThat(AvatarTextColor.forBackground(background)).isEqualTo("white");
    }
}
