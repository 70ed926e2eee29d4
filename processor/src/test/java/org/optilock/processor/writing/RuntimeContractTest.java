package org.optilock.processor.writing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.optilock.runtime.internal.DaoStatements;
import org.optilock.runtime.internal.KeyType;
import org.optilock.runtime.internal.VersionType;

/**
 * Holds every runtime name the processor writes into generated code against the runtime's classes,
 * by reflection: a type, method, code or constant renamed in the runtime fails here, in the build,
 * instead of in a user's compile of a generated DAO.
 */
class RuntimeContractTest {

    @Test
    void everyTypeExistsAndIsPublic() throws ClassNotFoundException {
        for (ClassName type : RuntimeContract.TYPES) {
            Class<?> runtime = Class.forName(type.reflectionName());
            assertTrue(Modifier.isPublic(runtime.getModifiers()), type + " must be public: generated code names it");
        }
    }

    @Test
    void everyStatementBuilderIsAPublicMethodOfDaoStatements() throws ClassNotFoundException {
        assertPublicMethods(RuntimeContract.DAO_STATEMENTS, RuntimeContract.STATEMENT_BUILDERS);
    }

    @Test
    void everyParameterCodeIsAPublicConstantOfDaoStatementsAndReadInAParameterList() throws Exception {
        Class<?> statements = Class.forName(RuntimeContract.DAO_STATEMENTS.reflectionName());
        for (String code : RuntimeContract.PARAMETER_CODES) {
            Field field = statements.getField(code);
            assertTrue(Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers()), code);
            assertEquals(int.class, field.getType(), code);
            // A DAO writes the code by name into a statement's parameters, which the runtime reads.
            assertDoesNotThrow(() -> DaoStatements.of(CodeProbe.class, VersionType.COUNTER_LONG, KeyType.LONG, "id")
                    .insert("INSERT INTO probe (id) VALUES (?)", "1 id, " + code), code);
        }
    }

    /** The entity of the statements the test above builds. */
    private static final class CodeProbe {}

    @Test
    void theVersionTypesAreTheRuntimesConstantsExactly() throws ClassNotFoundException {
        assertEquals(constantsOf(RuntimeContract.VERSION_TYPE), Set.of(RuntimeContract.VERSION_TYPES));
    }

    @Test
    void theKeyTypesAreTheRuntimesConstantsExactly() throws ClassNotFoundException {
        assertEquals(constantsOf(RuntimeContract.KEY_TYPE), Set.of(RuntimeContract.KEY_TYPES));
    }

    /** The names of the constants of the runtime's enum {@code type}. */
    private static Set<String> constantsOf(ClassName type) throws ClassNotFoundException {
        return Arrays.stream(Class.forName(type.reflectionName()).getEnumConstants()).map(c -> ((Enum<?>) c).name())
                .collect(Collectors.toSet());
    }

    @Test
    void everyHookIsAProtectedMethodOfTheBaseClass() throws ClassNotFoundException {
        Class<?> base = Class.forName(RuntimeContract.ABSTRACT_VERSIONED_DAO.reflectionName());
        for (String hook : RuntimeContract.DAO_METHODS) {
            boolean found = Arrays.stream(base.getDeclaredMethods())
                    .anyMatch(m -> m.getName().equals(hook) && Modifier.isProtected(m.getModifiers()));
            assertTrue(found, "AbstractVersionedDao has no protected " + hook);
        }
    }

    @Test
    void everyColumnValuesMethodTheCodecCallsExists() throws ClassNotFoundException {
        assertPublicMethods(RuntimeContract.COLUMN_VALUES, ColumnCodec.columnValuesMethods().toArray(String[]::new));
    }

    @Test
    void theMergeAndTriggerCallsExist() throws ClassNotFoundException {
        assertPublicMethods(RuntimeContract.FIELD_MERGE, RuntimeContract.MERGE_FIELD);
        assertPublicMethods(RuntimeContract.TRIGGER_TARGETS, RuntimeContract.REGISTER);
        assertPublicMethods(RuntimeContract.ELEMENT_COLLECTION, RuntimeContract.ELEMENT_COLLECTION_OF);
        assertPublicMethods(RuntimeContract.TABLE_DEFINITION, RuntimeContract.TABLE_OF, RuntimeContract.TABLE_ON,
                RuntimeContract.TABLE_WITH,
                RuntimeContract.REGISTER);
        assertPublicMethods(RuntimeContract.REPOSITORY_STATEMENTS, RuntimeContract.REPOSITORY_STATEMENTS_OF,
                RuntimeContract.FIND, RuntimeContract.SELECT, RuntimeContract.ENUMERATED);
        assertPublicMethods(RuntimeContract.FIND_STATEMENT, RuntimeContract.EXPANDED);
        assertPublicMethods(RuntimeContract.SQL_TEXT, RuntimeContract.SQL_TEXT_OF, RuntimeContract.SQL_TEXT_ON,
                RuntimeContract.EXPANDED);
        assertPublicMethods(RuntimeContract.SORT_KEY, RuntimeContract.SORT_ASC, RuntimeContract.SORT_DESC,
                RuntimeContract.IGNORING_CASE);
        assertPublicMethods(RuntimeContract.REPOSITORY_OPERATIONS, RuntimeContract.REPOSITORY_OPERATION_METHODS);
    }

    private static void assertPublicMethods(ClassName type, String... names) throws ClassNotFoundException {
        Class<?> runtime = Class.forName(type.reflectionName());
        Set<String> methods = Arrays.stream(runtime.getMethods()).map(Method::getName).collect(Collectors.toSet());
        for (String name : names) {
            assertTrue(methods.contains(name), type.simpleName() + " has no public method " + name);
        }
    }
}
