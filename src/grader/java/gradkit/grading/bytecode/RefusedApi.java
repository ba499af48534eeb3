package gradkit.grading.bytecode;

import java.util.List;
import java.util.Set;

/**
 * Which refused {@link Family} a piece of API belongs to. The rules are read in order and the first that
 * matches wins. A rule with members refuses those even in a class {@link AllowedApi} allows (so
 * {@code wait} is refused on {@code Object} and on every class that inherits it, {@code System.exit} in
 * System); a rule without members names the family of a whole class or package that the allow-list
 * leaves out (the rest of System is SETTINGS, a Thread is THREADS).
 *
 * <pre>{@code
 * RefusedApi.familyOfMember("java/lang/System", "exit", "(I)V")   // EXIT
 * RefusedApi.familyOfClass("java/lang/Thread")                    // THREADS
 * RefusedApi.familyOfClass("java/lang/Math")                      // null: no rule refuses it
 * }</pre>
 */
final class RefusedApi {
    private RefusedApi() {
    }

    /**
     * One rule.
     *
     * @param owner   an internal class name ("java/lang/System"), a prefix ending in '/' or '$' for a
     *                package or nested classes, or "*" for every class
     * @param members the member names it covers; empty for all
     * @param family  the family it puts them in
     */
    private record Rule(String owner, Set<String> members, Family family) {
        boolean matches(String className, String member) {
            boolean ownerMatches = owner.equals("*") || className.equals(owner)
                    || (owner.endsWith("/") || owner.endsWith("$")) && className.startsWith(owner);
            return ownerMatches && (members.isEmpty() || members.contains(member));
        }
    }

    private static Rule rule(String owner, Family family, String... members) {
        return new Rule(owner, Set.of(members), family);
    }

    private static final List<Rule> RULES = List.of(
            // Members refused on whatever class: every class inherits Object's wait/notify/finalize.
            rule("*", Family.THREADS, "wait", "notify", "notifyAll", "parallelStream"),
            rule("*", Family.FINALIZER, "finalize"),
            rule("java/util/stream/", Family.THREADS, "parallel"),
            rule("java/util/Arrays", Family.THREADS, "parallelSort", "parallelPrefix", "parallelSetAll"),
            rule("java/lang/System", Family.EXIT, "exit"),
            rule("java/lang/System", Family.NATIVE, "load", "loadLibrary", "mapLibraryName"),
            rule("java/lang/System", Family.SETTINGS, "setOut", "setErr", "setIn", "in", "setProperty", "getProperty",
                    "getProperties", "setProperties", "clearProperty", "getenv", "setSecurityManager",
                    "getSecurityManager", "console", "inheritedChannel", "getLogger", "gc", "runFinalization"),
            rule("java/lang/Runtime", Family.EXIT, "exit", "halt", "addShutdownHook", "removeShutdownHook"),
            rule("java/lang/Runtime", Family.PROCESSES, "exec"),
            rule("java/lang/Runtime", Family.NATIVE, "load", "loadLibrary"),
            rule("java/lang/Class", Family.CLASS_LOADING, "forName", "getClassLoader", "getModule", "getResource",
                    "getResourceAsStream"),
            rule("java/lang/Integer", Family.SETTINGS, "getInteger"),
            rule("java/lang/Long", Family.SETTINGS, "getLong"),
            rule("java/lang/Boolean", Family.SETTINGS, "getBoolean"),
            rule("java/util/Locale", Family.SETTINGS, "setDefault"),
            rule("java/util/TimeZone", Family.SETTINGS, "setDefault"),
            // Whole classes and packages.
            rule("java/lang/Process", Family.PROCESSES),
            rule("java/lang/ProcessBuilder", Family.PROCESSES),
            rule("java/lang/ProcessBuilder$", Family.PROCESSES),
            rule("java/lang/ProcessHandle", Family.PROCESSES),
            rule("java/lang/ProcessHandle$", Family.PROCESSES),
            rule("java/lang/Thread", Family.THREADS),
            rule("java/lang/Thread$", Family.THREADS),
            rule("java/lang/ThreadGroup", Family.THREADS),
            rule("java/lang/ThreadLocal", Family.THREADS),
            rule("java/lang/InheritableThreadLocal", Family.THREADS),
            rule("java/lang/ref/", Family.THREADS),
            rule("java/util/concurrent/", Family.THREADS),
            rule("java/util/Timer", Family.THREADS),
            rule("java/util/TimerTask", Family.THREADS),
            rule("java/util/stream/StreamSupport", Family.THREADS),
            rule("java/lang/ClassLoader", Family.CLASS_LOADING),
            rule("java/net/URLClassLoader", Family.CLASS_LOADING),
            rule("java/security/SecureClassLoader", Family.CLASS_LOADING),
            rule("java/util/ServiceLoader", Family.CLASS_LOADING),
            rule("java/util/ServiceLoader$", Family.CLASS_LOADING),
            rule("java/util/ResourceBundle", Family.CLASS_LOADING),
            rule("java/util/ListResourceBundle", Family.CLASS_LOADING),
            rule("java/util/PropertyResourceBundle", Family.CLASS_LOADING),
            rule("java/lang/Module", Family.CLASS_LOADING),
            rule("java/lang/ModuleLayer", Family.CLASS_LOADING),
            rule("java/lang/instrument/", Family.CLASS_LOADING),
            rule("java/lang/reflect/", Family.REFLECTION),
            rule("java/lang/invoke/", Family.REFLECTION),
            rule("java/lang/runtime/", Family.REFLECTION),
            rule("java/beans/", Family.REFLECTION),
            rule("java/lang/Class", Family.REFLECTION),
            rule("java/lang/StackWalker", Family.REFLECTION),
            rule("java/lang/StackWalker$", Family.REFLECTION),
            rule("java/io/File", Family.FILES),
            rule("java/io/FileInputStream", Family.FILES),
            rule("java/io/FileOutputStream", Family.FILES),
            rule("java/io/FileReader", Family.FILES),
            rule("java/io/FileWriter", Family.FILES),
            rule("java/io/FileDescriptor", Family.FILES),
            rule("java/io/RandomAccessFile", Family.FILES),
            rule("java/io/Console", Family.FILES),
            rule("java/nio/file/", Family.FILES),
            rule("java/nio/channels/", Family.FILES),
            rule("java/util/zip/", Family.FILES),
            rule("java/util/jar/", Family.FILES),
            rule("java/util/logging/", Family.FILES),
            rule("java/util/prefs/", Family.FILES),
            rule("java/net/", Family.NETWORK),
            rule("java/lang/foreign/", Family.NATIVE),
            rule("sun/", Family.INTERNALS),
            rule("jdk/", Family.INTERNALS),
            rule("com/sun/", Family.INTERNALS),
            rule("java/lang/management/", Family.INTERNALS),
            rule("javax/management/", Family.INTERNALS),
            rule("java/lang/SecurityManager", Family.SETTINGS),
            rule("java/lang/System", Family.SETTINGS),
            rule("java/lang/Runtime", Family.SETTINGS),
            rule("org/junit/", Family.TEST_FRAMEWORK),
            rule("org/opentest4j/", Family.TEST_FRAMEWORK),
            rule("org/apiguardian/", Family.TEST_FRAMEWORK),
            rule("gradkit/", Family.LIBRARY));

    /**
     * The family of a rule that names {@code member} of {@code owner} (an internal name) itself, or null.
     * These rules refuse members even of allowed classes. A file-opening constructor
     * ({@code new Scanner(File)}, {@code new PrintStream("name")}) is told apart from the harmless ones by
     * its first parameter.
     */
    static Family familyOfMember(String owner, String member, String descriptor) {
        if (member.equals("<init>") && opensAFile(owner, descriptor)) {
            return Family.FILES;
        }
        for (Rule r : RULES) {
            if (!r.members().isEmpty() && r.matches(owner, member)) {
                return r.family();
            }
        }
        return null;
    }

    /** The family of a whole class (its use as a type: a superclass, an interface, a class literal), or null. */
    static Family familyOfClass(String owner) {
        for (Rule r : RULES) {
            if (r.members().isEmpty() && r.matches(owner, "")) {
                return r.family();
            }
        }
        return null;
    }

    private static final Set<String> FILE_WRITERS = Set.of("java/io/PrintStream", "java/io/PrintWriter", "java/util/Formatter");
    private static final Set<String> FILE_READERS = Set.of("java/util/Scanner");

    private static boolean opensAFile(String owner, String descriptor) {
        boolean namesAFile = descriptor.startsWith("(Ljava/io/File;") || descriptor.startsWith("(Ljava/nio/file/Path;");
        boolean namesAFileByName = descriptor.startsWith("(Ljava/lang/String;");
        return FILE_READERS.contains(owner) && namesAFile
                || FILE_WRITERS.contains(owner) && (namesAFile || namesAFileByName);
    }
}
