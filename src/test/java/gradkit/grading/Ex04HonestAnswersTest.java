package gradkit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exercise 04 asks that d(x·x)/dx come from running the engine, and its grading test checks that by
 * value (at x = -0.0) and by reading the compiled answer (derivativeOfSquare must reach backwardStep()).
 * Neither may cost an honest use of the engine a point: each answer here is the model answer with one
 * line written otherwise, and must keep full marks. (The formulas that must lose points are planted bugs.)
 */
class Ex04HonestAnswersTest {
    private static final Path MODEL = Path.of("solutions", "Ex04Accumulation.java");

    /** One honest answer: its name, a text of the model answer and what it writes there instead. */
    private record Variant(String name, String model, String honest) {
    }

    private static final List<Variant> VARIANTS = List.of(
            new Variant("accumulate-adds-the-other-way", "node.setGrad(node.grad() + contribution);",
                    "node.setGrad(contribution + node.grad());"),
            new Variant("seed-written-as-int", "square.setGrad(1.0);", "square.setGrad(1);"),
            new Variant("seed-and-run-in-a-helper", """
                            Scalar square = mul(leaf, leaf);
                            square.setGrad(1.0);
                            square.backwardStep();
                            return leaf.grad();
                        }
                    """, """
                            runBackward(mul(leaf, leaf));
                            return leaf.grad();
                        }

                        private static void runBackward(Scalar out) {
                            out.setGrad(1.0);
                            out.backwardStep();
                        }
                    """),
            new Variant("own-rule-for-the-product", "        Scalar square = mul(leaf, leaf);\n", """
                            Scalar square = new Scalar(x * x, "*", leaf, leaf);
                            square.setBackward(() -> {
                                accumulate(leaf, leaf.data() * square.grad());
                                accumulate(leaf, leaf.data() * square.grad());
                            });
                    """));

    @Test
    void everyHonestUseOfTheEngineKeepsFullMarks(@TempDir Path work) throws IOException {
        String model = Files.readString(MODEL);
        Grader grader = Grader.defaults().classpath(GraderSelfTest.classpath()).timeout(Duration.ofSeconds(30))
                .only(List.of("ex04"));
        for (Variant v : VARIANTS) {
            assertEquals(1, model.split(java.util.regex.Pattern.quote(v.model()), -1).length - 1,
                    () -> v.name() + ": the model answer must hold its text once: " + v.model());
            Path folder = Files.createDirectories(work.resolve(v.name()));
            Files.writeString(folder.resolve("Ex04Accumulation.java"), model.replace(v.model(), v.honest()));
            ExerciseResult r = grader.grade(folder).exercises().get(0);
            assertTrue(r.compiled(), () -> v.name() + " did not compile: " + r.compileError());
            assertEquals(r.maxPoints(), r.earned(), () -> v.name() + " lost " + r.tests().stream()
                    .filter(t -> !t.outcome().passed()).map(t -> t.test().methodName() + ": " + t.outcome().message())
                    .collect(Collectors.joining("; ")));
        }
    }
}
