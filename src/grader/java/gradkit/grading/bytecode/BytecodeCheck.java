package gradkit.grading.bytecode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;

/**
 * The static check of a student's compiled classes, made before any of them runs and the same on every
 * JDK: every class must live in package gradkit.exercises under a name of its own, and its code may use
 * only the API in {@link AllowedApi}. Reflection, class loading, threads, processes, files, the network,
 * native code, ending the JVM, the JDK's internals, the JVM's settings and finalize() are refused by
 * name ({@link Family}), with the file and line that use them ({@link Refusal}).
 *
 * <p>It is the first of the grader's defences and does not replace the others (the test JVM's design,
 * the security policy on JDK 17 to 23, bubblewrap): what it misses, they may still stop.
 *
 * <pre>{@code
 * List<Refusal> refused = BytecodeCheck.check(Path.of("scratch/ex02/student"), "Ex02ChainRuleByHand.java",
 *         Set.of("Ex02ChainRuleByHandTest", "Feedback", "Oracle"));
 * if (!refused.isEmpty()) System.out.println(BytecodeCheck.message(refused));
 * }</pre>
 */
public final class BytecodeCheck {
    /** At most this many refusals are spelled out; the rest are counted. */
    static final int SHOWN = 5;

    private BytecodeCheck() {
    }

    /**
     * Checks every class file under {@code classes}, all compiled from {@code file}; returns what it
     * refuses, by line (a class's declaration first), empty when everything is allowed.
     *
     * @param reservedNames simple names of the grading tests' classes, which no student class may take
     * @throws IOException when the folder cannot be read
     */
    public static List<Refusal> check(Path classes, String file, Set<String> reservedNames) throws IOException {
        return check(classes, file, reservedNames, false);
    }

    /**
     * Checks a student's own tests (exercise 12) as {@link #check} checks an exercise, with the rules of
     * {@link TestsApi}: JUnit's {@code @Test}, {@code @DisplayName} and {@code Assertions} are allowed; the
     * clock, memory figures, identity, stack traces and every other annotation are refused.
     */
    public static List<Refusal> checkTests(Path classes, String file, Set<String> reservedNames) throws IOException {
        return check(classes, file, reservedNames, true);
    }

    private static List<Refusal> check(Path classes, String file, Set<String> reservedNames, boolean tests)
            throws IOException {
        List<byte[]> bytes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                bytes.add(Files.readAllBytes(p));
            }
        }
        StudentClasses own = StudentClasses.of(bytes);
        List<Refusal> refusals = new ArrayList<>();
        for (byte[] b : bytes) {
            ClassScanner scanner = new ClassScanner(own, file, reservedNames, tests);
            new ClassReader(b).accept(scanner, 0);
            refusals.addAll(scanner.refusals());
        }
        refusals.sort(Comparator.comparingInt(Refusal::line));
        return refusals;
    }

    /** What the student reads: the first refusals, one a line, and how many more there are. */
    public static String message(List<Refusal> refusals) {
        String shown = refusals.stream().limit(SHOWN).map(Refusal::message).collect(Collectors.joining("\n"));
        int more = refusals.size() - SHOWN;
        return more > 0 ? shown + "\n(and " + more + " more like these)" : shown;
    }
}
