package gradkit.demo;

import gradkit.data.Dataset;
import gradkit.data.Moons;
import gradkit.nn.MLP;
import gradkit.nn.Trainer;
import gradkit.nn.TrainingHistory;

/**
 * micrograd's demo in Java: a 2-16-16-1 network learns to separate the two moons.
 *
 * <pre>
 * mvn -q compile
 * java -cp target/classes:$(cat target/classpath.txt) gradkit.demo.MoonsDemo
 * </pre>
 */
public final class MoonsDemo {

    /** The seed of the moons; the network uses {@link MLP#DEFAULT_SEED}. */
    public static final long DATA_SEED = 7L;

    private MoonsDemo() {}

    /** Trains for 100 steps, printing every 10th step, then the final accuracy. */
    public static void main(String[] args) {
        Dataset moons = Moons.generate(100, 0.1, DATA_SEED);
        MLP model = new MLP(2, 16, 16, 1);
        System.out.println(model + ", " + moons);
        long start = System.nanoTime();
        TrainingHistory history = new Trainer(model, moons, System.out, 10).train(100);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("final loss %.4f, training accuracy %.0f%% after %d steps (%d ms)%n",
                history.finalLoss(), 100 * history.finalAccuracy(), history.steps(), millis);
    }
}
