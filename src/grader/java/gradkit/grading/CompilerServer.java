package gradkit.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The main of the compiler's own JVM ({@link CompilerProcess}): compiles what the grader asks, one
 * request at a time, with {@link ExerciseCompiler}, and answers each with one line. It runs apart from
 * the grader so that a compilation past its time limit can be ended by killing this process; a thread
 * in the grader's JVM could only be abandoned, and would go on using its CPU and heap.
 *
 * <p>Protocol: each request is a JSON line {@code {"sources":[...],"out":"...","against":"..."}} on
 * stdin; each answer a JSON line {@code {"success":true|false,"messages":"..."}} on stdout. It ends at
 * the end of stdin, and on its own when the grader that started it is gone.
 *
 * <pre>
 * echo '{"sources":["/tmp/s/Ex01.java"],"out":"/tmp/s/student","against":"target/classes"}' \
 *     | java -cp "$GRADER_CLASSPATH" gradkit.grading.CompilerServer "$GRADER_CLASSPATH"
 * </pre>
 */
public final class CompilerServer {
    private CompilerServer() {
    }

    /** Serves compilations against the class path {@code args[0]} until stdin ends. */
    public static void main(String[] args) throws Exception {
        PrintStream answers = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        System.setOut(System.err);   // only answers reach the grader's pipe
        endWithParent(ProcessHandle.current().parent());
        ObjectMapper json = new ObjectMapper();
        BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (ExerciseCompiler compiler = new ExerciseCompiler(args.length > 0 ? args[0] : "")) {
            for (String line = requests.readLine(); line != null; line = requests.readLine()) {
                JsonNode request = json.readTree(line);
                List<Path> sources = new ArrayList<>();
                request.path("sources").forEach(s -> sources.add(Path.of(s.asText())));
                ExerciseCompiler.Result r = compiler.compile(sources, Path.of(request.path("out").asText()),
                        request.path("against").asText());
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("success", r.success());
                answer.put("messages", r.messages());
                answers.println(json.writeValueAsString(answer));
            }
        }
        Runtime.getRuntime().halt(0);
    }

    /** Halts this JVM once the grader that started it has ended (then nobody waits for an answer). */
    private static void endWithParent(Optional<ProcessHandle> parent) {
        Thread watch = new Thread(() -> {
            while (parent.map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(1);
        }, "compiler-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
