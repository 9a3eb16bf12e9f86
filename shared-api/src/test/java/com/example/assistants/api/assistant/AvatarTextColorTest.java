package com.example.assistants.api.assistant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AvatarTextColorTest {

    @ParameterizedTest
    @CsvSource({
            "#FFFFFF, #000000",
            "#000000, #FFFFFF",
            "#fff, #000000",
            "#112233, #FFFFFF",
            "#00FF00, #000000",   // green weighs 0.7152: bright
            "#0000FF, #FFFFFF",   // blue weighs 0.0722: dark
            "#FF0000, #FFFFFF",   // red weighs 0.2126: dark
            "'rgb(255, 255, 0)', #000000",
            "'rgba(10,10,10,0.5)', #FFFFFF",
            "#80808080, #000000"  // 0.502: just light
    })
    void contrastsWithTheBackgroundByRec709Luma(String background, String text) {
        assertThat(AvatarTextColor.forBackground(background)).contains(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"primary", "blue", "#12", "rgb(300, 0, 0)", "#GGGGGG", ""})
    void hasNoOpinionOnNamedOrMalformedColours(String background) {
        assertThat(AvatarTextColor.forBackground(background)).isEmpty();
    }
}
