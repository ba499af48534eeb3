package gradkit.bench;

import gradkit.data.Dataset;
import gradkit.data.Moons;
import gradkit.engine.Graph;
import gradkit.engine.Value;
import gradkit.nn.MLP;
import gradkit.nn.SGD;
import gradkit.nn.Trainer;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How fast the engine trains micrograd's moons network, and how much memory a graph node takes.
 *
 * <pre>
 * ./kit bench              # or: java -cp target/classes:$(cat target/classpath.txt) gradkit.bench.Benchmark
 * ./kit bench --compare    # and the kit's Python reference engine on the same workload, as ratios
 * </pre>
 *
 * Prints: the first 100-step training (cold, as a student's first run sees it) and the JVM's age at
 * its end; milliseconds per training step after a warm-up (median, mean and best of 100 steps, since
 * a shared machine is noisy); nanoseconds per graph node for forward plus backward, on the training
 * graph and on a chain of ten million nodes; bytes retained per node. A training step is exactly the
 * {@link Trainer}'s: forward the full batch, {@link Trainer#loss}, zero the gradients, backward, SGD
 * with {@link Trainer#learningRate}. With {@code --compare}, the same step (same data, same initial
 * weights) also runs in micrograd's engine under Python (see {@link PythonReference}), and the ratios are printed.
 */
public final class Benchmark {

    private static final int STEPS = 100;
    private static final int POINTS = 100;
    private static final int CHAIN_STEPS = 5_000_000; // two nodes each (a constant and a product)
    private static final int PYTHON_STEPS = 3;

    private Benchmark() {}

    /** Runs every measurement once and prints one line per figure; {@code --compare} adds the Python reference. */
    public static void main(String[] args) {
        boolean compare = Arrays.asList(args).contains("--compare");
        if (args.length > (compare ? 1 : 0)) {
            throw new IllegalArgumentException("usage: Benchmark [--compare], but got " + Arrays.toString(args));
        }
        Dataset moons = Moons.generate(POINTS, 0.1, 7L);

        // 1. The whole 100-step training, cold.
        long start = System.nanoTime();
        double accuracy = new Trainer(new MLP(2, 16, 16, 1), moons).train(STEPS).finalAccuracy();
        double coldMillis = (System.nanoTime() - start) / 1e6;
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        System.out.printf("100-step training (cold, first in this JVM): %.0f ms, accuracy %.0f%%; JVM age at its end: %d ms%n",
                coldMillis, 100 * accuracy, uptime);

        // 2. Warm up, then time training steps one by one.
        for (int round = 0; round < 3; round++) {
            new Trainer(MLP.withSeed(round, 2, 16, 16, 1), moons).train(STEPS);
        }
        MLP model = new MLP(2, 16, 16, 1);
        double firstLoss = Trainer.loss(model, moons).data();
        SGD sgd = new SGD(model.parameters());
        int nodes = Graph.of(Trainer.loss(model, moons)).size();
        double[] stepNanos = new double[STEPS];
        for (int k = 0; k < STEPS; k++) {
            long t0 = System.nanoTime();
            Value loss = Trainer.loss(model, moons);
            sgd.zeroGrad();
            loss.backward();
            sgd.step(Trainer.learningRate(k, STEPS));
            stepNanos[k] = System.nanoTime() - t0;
        }
        double meanStep = Arrays.stream(stepNanos).average().orElseThrow();
        Arrays.sort(stepNanos);
        double medianStep = stepNanos[STEPS / 2];
        double bestStep = stepNanos[0];
        System.out.printf("training step (warm, full batch of %d, graph of %d nodes): median %.2f ms, mean %.2f ms, best %.2f ms%n",
                POINTS, nodes, medianStep / 1e6, meanStep / 1e6, bestStep / 1e6);
        System.out.printf("forward+backward per node, training graph: median %.1f ns, mean %.1f ns, best %.1f ns%n",
                medianStep / nodes, meanStep / nodes, bestStep / nodes);
        long warmStart = System.nanoTime();
        new Trainer(new MLP(2, 16, 16, 1), moons).train(STEPS);
        System.out.printf("100-step training (warm): %.0f ms%n", (System.nanoTime() - warmStart) / 1e6);

        // 3. A chain of ten million nodes: y = y * 1.0000001 (each step adds a constant leaf and a product).
        chain(1000).backward(); // warm-up
        double bestChain = Double.MAX_VALUE;
        int chainNodes = 2 * CHAIN_STEPS + 1;
        for (int round = 0; round < 2; round++) {
            long t0 = System.nanoTime();
            chain(CHAIN_STEPS).backward();
            bestChain = Math.min(bestChain, System.nanoTime() - t0);
        }
        System.out.printf("forward+backward per node, chain of %d nodes: %.1f ns (best of 2, max heap %d MB)%n",
                chainNodes, bestChain / chainNodes, Runtime.getRuntime().maxMemory() >> 20);

        // 4. Memory: used heap after System.gc(), before and after building graphs that stay referenced.
        memory(model, moons, nodes, chainNodes);

        if (compare) {
            compare(moons, firstLoss, medianStep, bestStep, nodes);
        }
    }

    /** Bytes per node: used heap (totalMemory - freeMemory) after System.gc(), before and after, over the node count. */
    private static void memory(MLP model, Dataset moons, int nodes, int chainNodes) {
        List<Value> kept = new ArrayList<>();
        long before = usedAfterGc();
        for (int i = 0; i < 20; i++) {
            kept.add(Trainer.loss(model, moons));
        }
        long after = usedAfterGc();
        System.out.printf("bytes per node, training graphs (20 x %d nodes kept): %.1f%n",
                nodes, (double) (after - before) / (20L * nodes));
        kept.clear();
        before = usedAfterGc();
        Value y = chain(CHAIN_STEPS);
        after = usedAfterGc();
        System.out.printf("bytes per node, chain (%d nodes kept): %.1f%n", chainNodes, (double) (after - before) / chainNodes);
        System.out.println("(memory method: Runtime totalMemory - freeMemory after System.gc(), before and after"
                + " building graphs that stay referenced; divided by Graph.of(...).size())");
        if (y.data() == 0 || !kept.isEmpty()) {
            System.out.println(); // keeps y reachable until here
        }
    }

    /** The same step in the kit's Python reference engine, in this run, and the ratios. */
    private static void compare(Dataset moons, double firstLoss, double medianStep, double bestStep, int nodes) {
        String missing = PythonReference.missing();
        if (missing != null) {
            System.out.println("compare: skipped, " + missing);
            return;
        }
        PythonReference.Timing py = PythonReference.time(moons, new MLP(2, 16, 16, 1), PYTHON_STEPS, Path.of("target/bench"));
        System.out.printf("micrograd's engine (Python %s, %d steps, same data and initial weights; step-0 loss %s): "
                        + "median %.0f ms, best %.0f ms per step, %.0f ns per node%n",
                py.pythonVersion(), py.steps(), py.firstLoss() == firstLoss ? "equal to gradkit's, bit for bit"
                        : py.firstLoss() + " vs gradkit's " + firstLoss, py.medianMillis(), py.bestMillis(),
                py.medianMillis() * 1e6 / nodes);
        System.out.printf("side by side, gradkit : micrograd per warm step: median %.2f ms : %.0f ms = %.0f times faster;"
                        + " best %.2f ms : %.0f ms = %.0f times faster%n",
                medianStep / 1e6, py.medianMillis(), py.medianMillis() * 1e6 / medianStep,
                bestStep / 1e6, py.bestMillis(), py.bestMillis() * 1e6 / bestStep);
    }

    private static Value chain(int length) {
        Value y = Value.of(1.0);
        for (int i = 0; i < length; i++) {
            y = y.mul(1.0000001);
        }
        return y;
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
