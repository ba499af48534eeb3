package gradkit.gpt;

import gradkit.engine.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The weights of a {@link Gpt}: named matrices of {@link Value}s, named and shaped as microgpt's
 * {@code state_dict}.
 *
 * <table>
 *   <caption>The matrices, [rows][columns]</caption>
 *   <tr><td>{@code wte}</td><td>[vocab][n_embd]</td><td>one embedding row per token</td></tr>
 *   <tr><td>{@code wpe}</td><td>[block_size][n_embd]</td><td>one embedding row per position</td></tr>
 *   <tr><td>{@code lm_head}</td><td>[vocab][n_embd]</td><td>one row of logit weights per token</td></tr>
 *   <tr><td>{@code layer{i}.attn_wq, attn_wk, attn_wv, attn_wo}</td><td>[n_embd][n_embd]</td><td></td></tr>
 *   <tr><td>{@code layer{i}.mlp_fc1}</td><td>[4 n_embd][n_embd]</td><td></td></tr>
 *   <tr><td>{@code layer{i}.mlp_fc2}</td><td>[n_embd][4 n_embd]</td><td></td></tr>
 * </table>
 *
 * <pre>{@code
 * Parameters p = Parameters.init(GptConfig.defaults(27), 42L);
 * p.matrix("layer0.attn_wq")[3][5].data();   // a draw from N(0, 0.08^2)
 * p.all().size();                            // 4192 numbers for vocab 27
 * }</pre>
 */
public final class Parameters {

    /** The standard deviation of the initial weights, as in microgpt. */
    public static final double INIT_STD = 0.08;

    private final GptConfig config;
    private final Map<String, Value[][]> matrices;
    private final List<Value> all;

    private Parameters(GptConfig config, Map<String, Value[][]> matrices) {
        this.config = config;
        this.matrices = Collections.unmodifiableMap(matrices);
        List<Value> flat = new ArrayList<>();
        for (Value[][] matrix : matrices.values()) {
            for (Value[] row : matrix) {
                Collections.addAll(flat, row);
            }
        }
        this.all = Collections.unmodifiableList(flat);
    }

    /**
     * Fresh weights: every entry drawn from a Gaussian with mean 0 and standard deviation
     * {@link #INIT_STD}, matrix by matrix in {@link #shapes} order, row by row, from
     * {@code new Random(seed)}.
     */
    public static Parameters init(GptConfig config, long seed) {
        Random random = new Random(seed);
        Map<String, Value[][]> matrices = new LinkedHashMap<>();
        shapes(config).forEach((name, shape) -> {
            Value[][] matrix = new Value[shape[0]][shape[1]];
            for (Value[] row : matrix) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = Value.of(random.nextGaussian() * INIT_STD);
                }
            }
            matrices.put(name, matrix);
        });
        return new Parameters(config, matrices);
    }

    /** Weights with the given numbers: {@code numbers} must hold every name of {@link #shapes}, so shaped. */
    static Parameters of(GptConfig config, Map<String, double[][]> numbers) {
        Map<String, Value[][]> matrices = new LinkedHashMap<>();
        shapes(config).forEach((name, shape) -> {
            double[][] rows = numbers.get(name);
            Value[][] matrix = new Value[shape[0]][shape[1]];
            for (int i = 0; i < shape[0]; i++) {
                for (int j = 0; j < shape[1]; j++) {
                    matrix[i][j] = Value.of(rows[i][j]);
                }
            }
            matrices.put(name, matrix);
        });
        return new Parameters(config, matrices);
    }

    /** The names of the matrices of a configuration and their shapes {rows, columns}, in microgpt's order. */
    public static Map<String, int[]> shapes(GptConfig config) {
        int e = config.nEmbd();
        Map<String, int[]> shapes = new LinkedHashMap<>();
        shapes.put("wte", new int[] {config.vocabSize(), e});
        shapes.put("wpe", new int[] {config.blockSize(), e});
        shapes.put("lm_head", new int[] {config.vocabSize(), e});
        for (int i = 0; i < config.nLayer(); i++) {
            String layer = "layer" + i + ".";
            shapes.put(layer + "attn_wq", new int[] {e, e});
            shapes.put(layer + "attn_wk", new int[] {e, e});
            shapes.put(layer + "attn_wv", new int[] {e, e});
            shapes.put(layer + "attn_wo", new int[] {e, e});
            shapes.put(layer + "mlp_fc1", new int[] {4 * e, e});
            shapes.put(layer + "mlp_fc2", new int[] {e, 4 * e});
        }
        return shapes;
    }

    /** The configuration these weights are shaped for. */
    public GptConfig config() {
        return config;
    }

    /** The matrix of that name (rows of Values; change entries through {@link Value#setData}). */
    public Value[][] matrix(String name) {
        Value[][] matrix = matrices.get(name);
        if (matrix == null) {
            throw new IllegalArgumentException("There is no matrix \"" + name + "\"; the names are " + matrices.keySet() + ".");
        }
        return matrix;
    }

    /** The names of the matrices, in order. */
    public List<String> names() {
        return List.copyOf(matrices.keySet());
    }

    /** Every weight, matrix by matrix, row by row: what the optimizer updates. */
    public List<Value> all() {
        return all;
    }

    /** The number of weights. */
    public int count() {
        return all.size();
    }

    /** Sets every gradient to 0. */
    public void zeroGrad() {
        for (Value p : all) {
            p.setGrad(0.0);
        }
    }

    /** A copy of the current numbers of every weight, in {@link #all} order. */
    public double[] snapshot() {
        double[] numbers = new double[all.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = all.get(i).data();
        }
        return numbers;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Parameters(" + count() + " weights:");
        matrices.forEach((name, m) -> s.append(' ').append(name).append(" [").append(m.length).append("][")
                .append(m[0].length).append(']'));
        return s.append(')').toString();
    }
}
