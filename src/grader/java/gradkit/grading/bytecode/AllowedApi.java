package gradkit.grading.bytecode;

import java.util.Map;
import java.util.Set;

/**
 * The API a student's classes may use: what the model answers, the exercise files and the
 * planted bugs use, and its close kin, and nothing else. Each family, and why it is here:
 * <ul>
 *   <li>java.lang's basics: Object, String and its builders, Math, StrictMath, the boxed numbers,
 *       Character, Comparable, Iterable, Record, Enum, Throwable and java.lang's exceptions and
 *       errors: what any Java code needs, and none of it reaches outside its own objects;</li>
 *   <li>System only for arraycopy, nanoTime, currentTimeMillis, identityHashCode, lineSeparator and
 *       the out and err streams (printing is allowed: the grader captures a test's output), Runtime only
 *       to ask how many processors and how much memory there are, Class only its names, casts and
 *       assertion status (javac's {@code assert} asks it);</li>
 *   <li>java.util, java.util.function, java.util.stream, java.util.regex, java.util.random and
 *       java.math: collections, Random, Arrays, Objects, Optional, lambdas and streams, all within
 *       the JVM's own memory ({@link RefusedApi} takes out what is not: timers, service loaders,
 *       parallel streams, files named to Scanner or Formatter, the default locale);</li>
 *   <li>java.io's printing side only (PrintStream's methods, Serializable, the IO exceptions, string
 *       readers and writers): System.out is a PrintStream;</li>
 *   <li>the teaching library's gradkit.engine, gradkit.nn and gradkit.check and
 *       gradkit.exercises.Scalar: what the exercises are about; none of them writes files or starts
 *       processes (gradkit.io, gradkit.viz and the rest of gradkit.exercises do, and are left out).</li>
 * </ul>
 * What is not here is refused; {@link RefusedApi} says which {@link Family} the refusal names. Exercise
 * 12's file, which holds the student's own tests, is checked with {@link TestsApi}'s rules on top.
 *
 * <pre>{@code
 * AllowedApi.allows("java/lang/Math", "exp")         // true
 * AllowedApi.allows("java/lang/System", "getenv")    // false
 * }</pre>
 */
final class AllowedApi {
    private AllowedApi() {
    }

    /** Packages whose every class is allowed (not their sub-packages). */
    private static final Set<String> PACKAGES = Set.of("java/util", "java/util/function", "java/util/stream",
            "java/util/regex", "java/util/random", "java/math", "gradkit/engine", "gradkit/nn", "gradkit/check");

    /** Classes of those packages that are not allowed: they load classes or start threads. */
    private static final Set<String> EXCLUDED = Set.of("java/util/ServiceLoader", "java/util/ResourceBundle",
            "java/util/ListResourceBundle", "java/util/PropertyResourceBundle", "java/util/Timer", "java/util/TimerTask",
            "java/util/stream/StreamSupport");

    /** Single classes allowed with every member. */
    private static final Set<String> CLASSES = Set.of(
            "java/lang/Object", "java/lang/String", "java/lang/StringBuilder", "java/lang/StringBuffer",
            "java/lang/AbstractStringBuilder", "java/lang/CharSequence", "java/lang/Character", "java/lang/Math",
            "java/lang/StrictMath", "java/lang/Number", "java/lang/Integer", "java/lang/Long", "java/lang/Double",
            "java/lang/Float", "java/lang/Short", "java/lang/Byte", "java/lang/Boolean", "java/lang/Void",
            "java/lang/Comparable", "java/lang/Iterable", "java/lang/Record", "java/lang/Enum", "java/lang/Cloneable",
            "java/lang/AutoCloseable", "java/lang/Runnable", "java/lang/Appendable", "java/lang/Throwable",
            "java/lang/Override", "java/lang/FunctionalInterface", "java/lang/SafeVarargs", "java/lang/Deprecated",
            "java/lang/SuppressWarnings",
            "java/io/PrintStream", "java/io/Serializable", "java/io/Closeable", "java/io/Flushable",
            "java/io/StringWriter", "java/io/StringReader", "java/io/Writer", "java/io/Reader",
            "java/io/UncheckedIOException", "java/io/IOException",
            "gradkit/exercises/Scalar");

    /** Classes of which only these members are allowed. */
    private static final Map<String, Set<String>> ONLY = Map.of(
            "java/lang/System", Set.of("arraycopy", "nanoTime", "currentTimeMillis", "identityHashCode",
                    "lineSeparator", "out", "err"),
            "java/lang/Runtime", Set.of("getRuntime", "availableProcessors", "maxMemory", "totalMemory", "freeMemory"),
            "java/lang/Class", Set.of("getName", "getSimpleName", "getTypeName", "isInstance", "cast", "isArray",
                    "desiredAssertionStatus", "toString", "hashCode", "equals"),
            "java/lang/invoke/LambdaMetafactory", Set.of("metafactory", "altMetafactory"),
            "java/lang/invoke/StringConcatFactory", Set.of("makeConcat", "makeConcatWithConstants"),
            "java/lang/runtime/ObjectMethods", Set.of("bootstrap"),
            "java/lang/runtime/SwitchBootstraps", Set.of("typeSwitch", "enumSwitch"));

    /** The bootstrap methods an invokedynamic may name: lambdas, string concatenation, records, switches. */
    static final Set<String> BOOTSTRAP_OWNERS = Set.of("java/lang/invoke/LambdaMetafactory",
            "java/lang/invoke/StringConcatFactory", "java/lang/runtime/ObjectMethods", "java/lang/runtime/SwitchBootstraps");

    /** True when {@code member} of {@code owner} (an internal name; arrays' clone and length included) is allowed. */
    static boolean allows(String owner, String member) {
        if (owner.startsWith("[")) {
            return true;
        }
        Set<String> only = ONLY.get(owner);
        if (only != null) {
            return only.contains(member) && !BOOTSTRAP_OWNERS.contains(owner);
        }
        return allowsClass(owner);
    }

    /** True when the class may be used as a whole: as a superclass, an interface, a class literal. */
    static boolean allowsClass(String owner) {
        int slash = owner.lastIndexOf('/');
        String pkg = slash < 0 ? "" : owner.substring(0, slash);
        String outer = owner.contains("$") ? owner.substring(0, owner.indexOf('$')) : owner;
        return PACKAGES.contains(pkg) && !EXCLUDED.contains(outer) || CLASSES.contains(outer) || isLangThrowable(outer);
    }

    /** True when {@code owner} is a bootstrap method an invokedynamic may name. */
    static boolean allowsBootstrap(String owner, String name) {
        return BOOTSTRAP_OWNERS.contains(owner) && ONLY.get(owner).contains(name);
    }

    /** java.lang's exceptions and errors (IllegalArgumentException, ArithmeticException, AssertionError...). */
    private static boolean isLangThrowable(String owner) {
        return owner.startsWith("java/lang/") && owner.indexOf('/', "java/lang/".length()) < 0
                && (owner.endsWith("Exception") || owner.endsWith("Error"));
    }
}
