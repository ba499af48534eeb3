package gradkit.bench;

import gradkit.data.Dataset;
import gradkit.io.ModelJson;
import gradkit.nn.MLP;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kit's Python reference engine (micrograd's {@code Value} and its demo's loop, in
 * {@code src/test/resources/gradkit/nn/}), timed on the benchmark's workload: the same moons and the
 * same initial weights, handed over as files, run in the same run by the Python the system property
 * {@code gradkit.python} names ({@code ./kit bench --compare} passes Jupyter's), else {@code python3}.
 *
 * <pre>{@code
 * PythonReference.Timing t = PythonReference.time(moons, new MLP(2, 16, 16, 1), 3, Path.of("target/bench"));
 * t.medianMillis();   // about a second per step
 * }</pre>
 */
final class PythonReference {

    static final String PYTHON = System.getProperty("gradkit.python", "python3");
    static final Path SCRIPT = Path.of("src/test/resources/gradkit/nn/micrograd_bench.py");

    private static final Pattern RESULT = Pattern.compile(
            "steps=(\\d+) median_ms=([0-9.]+) best_ms=([0-9.]+) loss0=(\\S+) python=(\\S+)");

    private PythonReference() {}

    /** What the Python run printed: milliseconds per step, the loss of step 0, the Python version. */
    record Timing(int steps, double medianMillis, double bestMillis, double firstLoss, String pythonVersion) {}

    /** Why the comparison cannot run here, or null if it can. */
    static String missing() {
        if (PYTHON.contains("/") && !Files.isExecutable(Path.of(PYTHON))) {
            return PYTHON + " is not there";
        }
        if (!Files.isRegularFile(SCRIPT)) {
            return SCRIPT + " is not there (run from the repository's root)";
        }
        return null;
    }

    /** Writes the data and the model to {@code folder}, runs {@code steps} Python steps on them, and reads the result. */
    static Timing time(Dataset data, MLP model, int steps, Path folder) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("data.json"), pointsAsJson(data), StandardCharsets.UTF_8);
            ModelJson.save(model, folder.resolve("model0.json"));
            Process python = new ProcessBuilder(PYTHON, SCRIPT.toString(), folder.toString(), String.valueOf(steps))
                    .redirectErrorStream(true).start();
            String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!python.waitFor(1, TimeUnit.MINUTES) || python.exitValue() != 0) {
                throw new IllegalStateException("The Python reference failed:\n" + output);
            }
            Matcher m = RESULT.matcher(output);
            if (!m.find()) {
                throw new IllegalStateException("The Python reference printed no timing line:\n" + output);
            }
            return new Timing(Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                    Double.parseDouble(m.group(4)), m.group(5));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run the Python reference: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the Python reference ran.", e);
        }
    }

    /** The points as [[x0, x1, label], ...], each number written so that Python reads the same double. */
    private static String pointsAsJson(Dataset data) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < data.size(); i++) {
            double[] p = data.x()[i];
            json.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "[%s, %s, %s]",
                    Double.toString(p[0]), Double.toString(p[1]), Double.toString(data.y()[i])));
        }
        return json.append("]").toString();
    }
}
