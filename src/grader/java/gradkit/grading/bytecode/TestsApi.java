package gradkit.grading.bytecode;

import java.util.Set;

/**
 * What a student's own tests (exercise 12) may use beyond {@link AllowedApi}, and what they may not
 * although other exercises may. They are graded by which implementations of the rules they pass and
 * fail, so they may judge what the rules compute and nothing else:
 * <ul>
 *   <li>allowed: JUnit Jupiter's {@code @Test}, {@code @DisplayName} and {@code Assertions} (with the
 *       lambdas {@code assertThrows} takes), and the rules under test, {@code gradkit.exercises.Rules};</li>
 *   <li>refused ({@link Family#IDENTITY}): the clock ({@code System.nanoTime}, {@code currentTimeMillis},
 *       {@code assertTimeout}), memory figures ({@code Runtime}), identity ({@code System.identityHashCode},
 *       {@code Object.hashCode} and {@code toString} on objects that do not override them, {@code Scalar}'s,
 *       {@code getClass}) and stack traces ({@code getStackTrace}, {@code printStackTrace},
 *       {@code StackTraceElement});</li>
 *   <li>refused ({@link Family#TEST_EXTRAS}): every other annotation of JUnit (extensions, timeouts,
 *       conditions, lifecycle methods, parameter sources) and any annotation but java.lang's few.</li>
 * </ul>
 * None of these could help a test judge a gradient; each could let it tell the implementations apart by
 * something else. Java's reflection, threads and files stay refused as in every exercise.
 *
 * <pre>{@code
 * TestsApi.refusedMember("java/lang/System", "nanoTime")          // IDENTITY
 * TestsApi.allowsClass("org/junit/jupiter/api/Assertions")         // true
 * TestsApi.allowsAnnotation("Lorg/junit/jupiter/api/Timeout;")      // false
 * }</pre>
 */
final class TestsApi {
    private TestsApi() {
    }

    /** JUnit's classes a student's tests may name. */
    private static final Set<String> JUNIT = Set.of("org/junit/jupiter/api/Assertions", "org/junit/jupiter/api/Test",
            "org/junit/jupiter/api/DisplayName", "org/junit/jupiter/api/function/Executable",
            "org/junit/jupiter/api/function/ThrowingSupplier");

    /** The annotations a student's tests may carry. */
    private static final Set<String> ANNOTATIONS = Set.of("Lorg/junit/jupiter/api/Test;",
            "Lorg/junit/jupiter/api/DisplayName;", "Ljava/lang/Override;", "Ljava/lang/SuppressWarnings;",
            "Ljava/lang/Deprecated;", "Ljava/lang/SafeVarargs;", "Ljava/lang/FunctionalInterface;");

    private static final Set<String> STACK_TRACES = Set.of("getStackTrace", "printStackTrace", "setStackTrace",
            "fillInStackTrace");

    /** True when the class may be named by a student's tests although {@link AllowedApi} leaves it out. */
    static boolean allowsClass(String owner) {
        return JUNIT.contains(owner) || owner.equals("gradkit/exercises/Rules");
    }

    /** True when an annotation (its descriptor, "Lorg/junit/jupiter/api/Test;") may be used. */
    static boolean allowsAnnotation(String descriptor) {
        return ANNOTATIONS.contains(descriptor);
    }

    /** The family refusing {@code member} of {@code owner} in a student's tests, or null when this profile adds no rule. */
    static Family refusedMember(String owner, String member) {
        boolean clock = owner.equals("java/lang/System") && Set.of("nanoTime", "currentTimeMillis").contains(member)
                || owner.equals("org/junit/jupiter/api/Assertions") && member.startsWith("assertTimeout");
        boolean identity = owner.equals("java/lang/System") && member.equals("identityHashCode")
                || (owner.equals("java/lang/Object") || owner.equals("gradkit/exercises/Scalar"))
                        && member.equals("hashCode")
                || owner.equals("java/lang/Object") && member.equals("toString")
                || member.equals("getClass");
        boolean stack = STACK_TRACES.contains(member) || owner.equals("java/lang/StackTraceElement")
                || owner.equals("java/lang/Runtime");
        return clock || identity || stack ? Family.IDENTITY : null;
    }
}
