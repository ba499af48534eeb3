package gradkit.gpt;

import gradkit.engine.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * A linear map without bias, microgpt's {@code linear(x, w)}: output i is the dot product of row i
 * of the matrix with x, one {@code sum} node of products.
 *
 * <pre>{@code
 * List<Value> q = Linear.apply(parameters.matrix("layer0.attn_wq"), x);   // [n_embd][n_embd] times x
 * }</pre>
 */
public final class Linear {

    private Linear() {}

    /** w · x: one output per row of {@code w}. Local derivatives: d out_i / d w_ij = x_j, d out_i / d x_j = w_ij. */
    public static List<Value> apply(Value[][] w, List<Value> x) {
        if (w.length == 0 || w[0].length != x.size()) {
            throw new IllegalArgumentException("A linear map with rows of " + (w.length == 0 ? 0 : w[0].length)
                    + " weights needs " + (w.length == 0 ? 0 : w[0].length) + " inputs, but got " + x.size() + ".");
        }
        List<Value> out = new ArrayList<>(w.length);
        Value[] products = new Value[x.size()];
        for (Value[] row : w) {
            for (int j = 0; j < products.length; j++) {
                products[j] = row[j].mul(x.get(j));
            }
            out.add(Value.sum(products));
        }
        return out;
    }
}
