package gradkit.gpt;

import gradkit.engine.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * One attention head at one position: the query q is compared with the key of every position so
 * far, the scores q·k / √d become weights by a softmax, and the output is the weighted sum of the
 * values. d is the head's width, n_embd / n_head.
 *
 * <pre>{@code
 * AttentionHead head = new AttentionHead(4);
 * List<Value> out = head.forward(q, keys, values);   // keys and values: one list of 4 per position
 * }</pre>
 *
 * <p>The class is not final for one reason: a test in this package overrides {@link #score} with a
 * deliberately wrong rule, to show that the gradient checker catches a mistake inside attention.
 */
public class AttentionHead {

    private final int headDim;
    private final double sqrtHeadDim;

    /** A head of width {@code headDim}. */
    public AttentionHead(int headDim) {
        if (headDim <= 0) {
            throw new IllegalArgumentException("A head needs a width of at least 1, but got " + headDim + ".");
        }
        this.headDim = headDim;
        this.sqrtHeadDim = Math.sqrt(headDim);
    }

    /** The head's output at the current position: Σ_t softmax(scores)_t · values_t. */
    public final List<Value> forward(List<Value> q, List<List<Value>> keys, List<List<Value>> values) {
        if (keys.isEmpty() || keys.size() != values.size()) {
            throw new IllegalArgumentException("Attention needs one key and one value per position (at least one),"
                    + " but got " + keys.size() + " keys and " + values.size() + " values.");
        }
        List<Value> scores = new ArrayList<>(keys.size());
        for (List<Value> k : keys) {
            scores.add(score(q, k));
        }
        List<Value> weights = Value.softmax(scores);
        List<Value> out = new ArrayList<>(headDim);
        Value[] terms = new Value[keys.size()];
        for (int j = 0; j < headDim; j++) {
            for (int t = 0; t < terms.length; t++) {
                terms[t] = weights.get(t).mul(values.get(t).get(j));
            }
            out.add(Value.sum(terms));
        }
        return out;
    }

    /**
     * The score of one key: q·k / √d. Local derivatives: d score / d q_j = k_j / √d and
     * d score / d k_j = q_j / √d.
     */
    Value score(List<Value> q, List<Value> k) {
        if (q.size() != headDim || k.size() != headDim) {
            throw new IllegalArgumentException("A head of width " + headDim + " needs a query and keys of "
                    + headDim + " numbers, but got " + q.size() + " and " + k.size() + ".");
        }
        Value[] products = new Value[headDim];
        for (int j = 0; j < headDim; j++) {
            products[j] = q.get(j).mul(k.get(j));
        }
        return Value.sum(products).div(sqrtHeadDim);
    }

    /** The head's width d. */
    public int headDim() {
        return headDim;
    }
}
