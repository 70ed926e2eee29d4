package org.optilock.processor.writing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.palantir.javapoet.CodeBlock;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The DAO's literals, made once, lay out in the file exactly as JavaPoet's {@code $S} writes them: both
 * go through the same layout, which also breaks lines, so that is what is compared.
 */
class StringLiteralTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "SELECT id FROM t WHERE id = ?", "it's \"quoted\"", "back\\slash", "tab\tform\ffeed\bback",
            "carriage\rreturn", "two\nlines", "ends with a line\n", "\n", "a\n\nb", "nul\u0000and\u001fcontrol\u007f",
            "naïve 日本 \uD83D\uDE00", "$L $S $$"})
    void readsAsJavaPoetWritesIt(String value) {
        assertEquals(javaPoet(value), laidOut(value));
    }

    @Property
    void readsAsJavaPoetWritesAnyString(@ForAll String value) {
        assertEquals(javaPoet(value), laidOut(value));
    }

    /** JavaPoet's own literal, in a block laid out with its default indent of two spaces. */
    private static String javaPoet(String value) {
        return CodeBlock.of("$S", value).toString();
    }

    /** The literal made here, laid out the same way. */
    private static String laidOut(String value) {
        return CodeBlock.of("$L", StringLiteral.of(value, "  ")).toString();
    }
}
