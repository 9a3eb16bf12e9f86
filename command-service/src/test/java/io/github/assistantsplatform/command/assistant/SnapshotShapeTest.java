package io.github.assistantsplatform.command.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assistantsplatform.model.AssistantSnapshot;
import io.github.assistantsplatform.support.test.Digests;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A snapshot is the aggregate as JSON; one written by a build whose state had another shape must not be read
 * as today's. This test knows the shape each {@link AssistantSnapshot#REVISION} stands for and fails when the
 * shape changes under the same revision, so that nobody forgets to raise it.
 */
class SnapshotShapeTest {

    /** Each revision's shape (SHA-256 of {@link #shape}); add the new one when raising the revision. */
    private static final Map<String, String> SHAPES =
            Map.of("1", "9f51b94014dab89b512b0c80bab27e295bd134f901772003a39a2390c791f8fb");

    @Test
    void theSnapshotsShapeIsTheOneItsRevisionStandsFor() throws Exception {
        String shape = shape(Assistant.class);

        assertThat(Digests.sha256(shape))
                .as(
                        "the shape of a snapshot changed to %s: raise AssistantSnapshot.REVISION and record the new "
                                + "shape's hash here",
                        shape)
                .isEqualTo(SHAPES.get(AssistantSnapshot.REVISION));
    }

    /** The names and types Jackson writes, all the way down: fields of the aggregate, components of records. */
    private static String shape(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            return shape(parameterized.getRawType())
                    + Arrays.stream(parameterized.getActualTypeArguments())
                            .map(SnapshotShapeTest::shape)
                            .collect(Collectors.joining(",", "<", ">"));
        }
        Class<?> raw = (Class<?>) type;
        if (raw.isRecord()) {
            return raw.getSimpleName()
                    + Arrays.stream(raw.getRecordComponents())
                            .map(component -> component.getName() + ":" + shape(component.getGenericType()))
                            .collect(Collectors.joining(",", "{", "}"));
        }
        if (raw.isEnum()) {
            return raw.getSimpleName() + Arrays.toString(raw.getEnumConstants());
        }
        if (raw == Assistant.class) {
            return raw.getSimpleName()
                    + Arrays.stream(raw.getDeclaredFields())
                            .filter(field -> !Modifier.isStatic(field.getModifiers()))
                            .map(field -> field.getName() + ":" + shape(field.getGenericType()))
                            .collect(Collectors.joining(",", "{", "}"));
        }
        return raw.getSimpleName();
    }
}
