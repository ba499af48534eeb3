package gradkit.exercises;

import gradkit.grading.Points;
import gradkit.grading.client.StudentCode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Grades exercise 04: gradients add up when a node is used twice, at fixed inputs and at inputs drawn
 * for this grading; and the derivative of x*x comes from running the backward rule, not from 2x.
 *
 * <p>The student's code runs in a worker JVM ({@link StudentCode}): the worker builds the Scalars of each
 * scenario from plain numbers, runs the student's code on them and returns the grads; the expected
 * values are computed here. The one check that reads code reads the student's compiled class file here,
 * as bytes, without loading it.
 */
class Ex04AccumulationTest {
    /** The hint when accumulate itself is wrong: every other test of this exercise goes through it. */
    private static final String ACCUMULATE_BROKEN = "accumulate does not add to the grad already there (see the"
            + " test of accumulate), and the rules of mul and add go through it: fix accumulate first.";
    /** Inputs drawn per test and grading ({@link DrawnInputs}), after the fixed ones. */
    private static final int DRAWS = 10;
    private final StudentCode student = StudentCode.current();

    /** Does the student's accumulate add? The other tests' hints depend on it. */
    private boolean studentAccumulateAdds(double held, double contribution) {
        double grad = student.numbers("accumulate", 0.0, held, new double[] {contribution})[0];
        return grad == held + contribution;
    }

    @Test
    @Points(2)
    @DisplayName("accumulate adds to the grad already there")
    void accumulateAdds() {
        // A node of data 1.0 and grad 0.5 given 2.0, and then -1.0: the second request repeats the first call.
        double afterFirst = student.numbers("accumulate", 1.0, 0.5, new double[] {2.0})[0];
        Feedback.gradient(2.5, afterFirst, 0.5, 1.0, "grad 0.5, then accumulate(node, 2.0)", "add to the grad"
                + " (+=); overwriting it (=) is exactly the bug this exercise is about.");
        double afterSecond = student.numbers("accumulate", 1.0, 0.5, new double[] {2.0, -1.0})[1];
        Feedback.gradient(1.5, afterSecond, 2.5, 1.0, "grad 2.5, then accumulate(node, -1.0)", "add the"
                + " contribution as it is, negative ones too.");
    }

    @Test
    @Points(2)
    @DisplayName("d(x*x)/dx = 2x through mul(x, x)")
    void squareGetsBothContributions() {
        for (double x : new double[] {3.0, -0.5, 0.0, 10.0}) {
            checkSquare(x, "");
        }
        DrawnInputs drawn = DrawnInputs.forTest("squareGetsBothContributions");
        for (int i = 0; i < DRAWS; i++) {
            checkSquare(drawn.uniform(-10, 10), " " + drawn.source());
        }
        squareComesFromTheRule();
    }

    private void checkSquare(double x, String drawn) {
        double got = student.number("derivativeOfSquare", x);
        String why;
        if (!studentAccumulateAdds(1.5, 2.0)) {
            why = ACCUMULATE_BROKEN;
        } else if (got == x && x != 0) {
            why = "x came instead of 2x: only one of the two contributions arrived. Build ONE Scalar and pass"
                    + " it twice, mul(x, x); two Scalars that hold the same number are two different nodes.";
        } else if (got == 0 && x != 0) {
            why = "seed the product's grad with 1 before running its rule.";
        } else {
            why = "build ONE Scalar, pass it twice, mul(x, x), seed the product's grad with 1, run its rule once.";
        }
        Feedback.near(2 * x, got, 1e-12, "derivativeOfSquare(" + x + ")" + drawn, why);
    }

    /**
     * Was the answer computed by the engine, as the exercise asks, or written as a formula? By value they
     * differ at x = -0.0 only: the rule adds x * 1 twice into a grad that starts at +0.0, and 0.0 + (-0.0)
     * is +0.0, while 2 * x, x + x and x * 2 keep the sign of -0.0. The truth is the student's own mul run
     * here, so an unusual but correct accumulate is judged by its own result. A formula with a 0.0 added
     * (2 * x + 0.0, 0.0 + 2 * x) is the rule's own arithmetic, (0.0 + x) + x, for every double: x * 1 and
     * x + x are exact, so no input tells them apart. So the code is read too: derivativeOfSquare must run
     * a backward rule, calling backwardStep() itself or in a method of its class that it calls.
     */
    private void squareComesFromTheRule() {
        double byTheRule = student.number("squareByTheRule", -0.0);
        double got = student.number("derivativeOfSquare", -0.0);
        String hint = "the exercise asks for the engine's answer, not the calculus one: build the product with mul,"
                + " seed its grad, run its backward rule and return the leaf's grad.";
        Feedback.check(Double.compare(got, byTheRule) == 0, "derivativeOfSquare(-0.0) returned " + got + ", but"
                + " running the backward rule of mul(x, x) gives " + byTheRule + ": the leaf's grad starts at 0.0,"
                + " and 0.0 + (-0.0) is 0.0. " + got + " is what a formula such as 2 * x gives, so this result did not"
                + " come from running the rule.", hint);
        byte[] compiled = student.compiledClass("Ex04Accumulation");
        Feedback.check(CallsFrom.derivativeOfSquare(compiled).contains(CallsFrom.BACKWARD_STEP), "derivativeOfSquare never"
                + " calls backwardStep(), itself or through a method of Ex04Accumulation, so no backward rule runs and"
                + " its result did not come from running the rule (a formula such as 2 * x + 0.0 gives the same"
                + " numbers).", hint);
    }

    /**
     * The methods that derivativeOfSquare calls, read from the student's compiled class (its bytes, read by
     * the grader: the class is never loaded here): its own calls, and the calls of every method and lambda of
     * Ex04Accumulation it reaches through them.
     */
    private static final class CallsFrom {
        static final String BACKWARD_STEP = "gradkit/exercises/Scalar.backwardStep()V";
        private static final String OWN = "gradkit/exercises/Ex04Accumulation.";

        static Set<String> derivativeOfSquare(byte[] compiled) {
            Map<String, Set<String>> calls = callsOfEachMethod(compiled);
            Set<String> reached = new TreeSet<>();
            Deque<String> todo = new ArrayDeque<>(List.of(OWN + "derivativeOfSquare(D)D"));
            while (!todo.isEmpty()) {
                String method = todo.pop();
                for (String called : calls.getOrDefault(method, Set.of())) {
                    if (reached.add(called) && called.startsWith(OWN)) {
                        todo.push(called);
                    }
                }
            }
            return reached;
        }

        /** "owner.nameDescriptor" of each method of the class to what it calls or makes a lambda of. */
        private static Map<String, Set<String>> callsOfEachMethod(byte[] compiled) {
            Map<String, Set<String>> calls = new HashMap<>();
            new ClassReader(compiled).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    Set<String> own = calls.computeIfAbsent(OWN + name + descriptor, k -> new TreeSet<>());
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                            own.add(owner + "." + method + desc);
                        }

                        @Override
                        public void visitInvokeDynamicInsn(String method, String desc, Handle bootstrap, Object... args) {
                            for (Object arg : args) {
                                if (arg instanceof Handle h) {
                                    own.add(h.getOwner() + "." + h.getName() + h.getDesc());
                                }
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG);
            return calls;
        }
    }

    @Test
    @Points(2)
    @DisplayName("x*y + x: both paths reach x")
    void sharedInput() {
        for (double[] p : new double[][] {{2.0, 5.0}, {-1.0, 0.25}, {0.0, -3.0}}) {
            checkShared(p[0], p[1], "");
        }
        DrawnInputs drawn = DrawnInputs.forTest("sharedInput");
        for (int i = 0; i < DRAWS; i++) {
            checkShared(drawn.uniform(-10, 10), drawn.uniform(-10, 10), " " + drawn.source());
        }
    }

    private void checkShared(double x, double y, String drawn) {
        double[] got = student.numbers("gradientOfSharedInput", x, y);
        String what = "gradientOfSharedInput(" + x + ", " + y + ")" + drawn + ", f = x*y + x, should be {y + 1, x} = {"
                + (y + 1) + ", " + x + "}; got " + Oracle.show(got);
        Feedback.check(got.length == 2, what + ".", "return {df/dx, df/dy}.");
        String why;
        if (!studentAccumulateAdds(1.5, 2.0)) {
            why = ACCUMULATE_BROKEN;
        } else if (got[0] == 1 && got[1] == 0) {
            why = "only f's own rule contributed. The product's rule must run too, and only AFTER f's rule"
                    + " (before that, the product's grad is still 0).";
        } else if (got[0] == y) {
            why = "dx = y: the path through '+ x' did not reach x. Pass the same Scalar x to add, not a new one.";
        } else {
            why = "seed f's grad with 1, run f's rule, then the product's; both must add into x's grad.";
        }
        Feedback.near(y + 1, got[0], 1e-12, what + "; df/dx", why);
        Feedback.near(x, got[1], 1e-12, what + "; df/dy", why);
    }

    @Test
    @Points(1)
    @DisplayName("running a rule twice adds the gradient twice (as backward() twice does)")
    void rulesAccumulateAcrossRuns() {
        double grad = student.number("mulStepTwice", 2.0, 3.0, 1.0);
        Feedback.gradient(6.0, grad, 3.0, 1.0, "mul(2, 3), its backward rule run twice: a's grad should be 3 + 3",
                "accumulate must add, which is also why training zeroes grads before each step.");
    }
}
