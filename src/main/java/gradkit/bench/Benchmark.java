package gradkit.bench;

import gradkit.data.Dataset;
import gradkit.data.Moons;
import gradkit.engine.Graph;
import gradkit.engine.Value;
import gradkit.nn.Loss;
import gradkit.nn.MLP;
import gradkit.nn.SGD;
import gradkit.nn.Trainer;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How fast the engine trains micrograd's moons network, and how much memory a graph node takes.
 *
 * <pre>
 * mvn -q compile
 * java -cp target/classes:$(cat target/classpath.txt) gradkit.bench.Benchmark
 * </pre>
 *
 * Prints: the first 100-step training (cold, as a student's first run sees it) and the JVM's age at
 * its end; milliseconds per training step after a warm-up (median, mean and best of 100 steps, since
 * a shared machine is noisy); nanoseconds per graph node for forward plus backward, on the training
 * graph and on a chain of a million nodes; bytes retained per node. A training step is exactly the
 * {@link Trainer}'s: forward the full batch, hinge + L2 loss, zero the gradients, backward, SGD.
 */
public final class Benchmark {

    private static final int STEPS = 100;
    private static final int POINTS = 100;

    private Benchmark() {}

    /** Runs every measurement once and prints one line per figure; takes no arguments. */
    public static void main(String[] args) {
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
        SGD sgd = new SGD(model.parameters());
        int nodes = Graph.of(loss(model, moons)).size();
        double[] stepNanos = new double[STEPS];
        for (int k = 0; k < STEPS; k++) {
            long t0 = System.nanoTime();
            Value loss = loss(model, moons);
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

        // 3. A chain of a million nodes: y = y * 1.0000001 (each step adds a constant leaf and a product).
        chain(1000); // warm-up
        double bestChain = Double.MAX_VALUE;
        int chainNodes = 0;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            Value y = chain(500_000);
            y.backward();
            bestChain = Math.min(bestChain, System.nanoTime() - t0);
            chainNodes = Graph.of(y).size();
        }
        System.out.printf("forward+backward per node, chain of %d nodes: %.1f ns (best of 3)%n",
                chainNodes, bestChain / chainNodes);

        // 4. Memory: used heap (totalMemory - freeMemory) after System.gc(), before and after building
        //    graphs that stay referenced, divided by their node count.
        List<Value> kept = new ArrayList<>();
        long before = usedAfterGc();
        for (int i = 0; i < 20; i++) {
            kept.add(loss(model, moons));
        }
        long after = usedAfterGc();
        long trainingNodes = 20L * nodes;
        System.out.printf("bytes per node, training graphs (20 x %d nodes kept): %.1f%n",
                nodes, (double) (after - before) / trainingNodes);
        kept.clear();
        before = usedAfterGc();
        Value y = chain(500_000);
        after = usedAfterGc();
        System.out.printf("bytes per node, chain (%d nodes kept): %.1f%n", chainNodes, (double) (after - before) / chainNodes);
        System.out.println("(memory method: Runtime totalMemory - freeMemory after System.gc(), before and after"
                + " building graphs that stay referenced; divided by Graph.of(...).size())");
        if (y.data() == 0 || kept.size() != 0) {
            System.out.println(); // keeps y reachable until here
        }
    }

    /** One forward pass of the training loss, exactly as the {@link Trainer} builds it. */
    private static Value loss(MLP model, Dataset data) {
        double[][] x = data.x();
        List<Value> scores = new ArrayList<>(x.length);
        for (double[] point : x) {
            scores.add(model.score(point));
        }
        return Loss.hinge(scores, data.y()).add(Loss.l2(model.parameters(), Trainer.L2_ALPHA));
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
