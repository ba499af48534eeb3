package gradkit.gpt;

import gradkit.engine.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The attention part of one layer: q, k and v from the (normalized) input, the key and value
 * remembered in the cache, each head reading its slice of n_embd / n_head entries, the heads'
 * outputs side by side, then attn_wo.
 */
public final class AttentionBlock {

    private final int layer;
    private final int nHead;
    private final int headDim;
    private final Value[][] wq;
    private final Value[][] wk;
    private final Value[][] wv;
    private final Value[][] wo;
    private final AttentionHead head;

    /** The block of layer {@code layer}; every head computes with {@code head}. */
    public AttentionBlock(Parameters parameters, int layer, AttentionHead head) {
        String prefix = "layer" + layer + ".";
        this.layer = layer;
        this.nHead = parameters.config().nHead();
        this.headDim = parameters.config().headDim();
        this.wq = parameters.matrix(prefix + "attn_wq");
        this.wk = parameters.matrix(prefix + "attn_wk");
        this.wv = parameters.matrix(prefix + "attn_wv");
        this.wo = parameters.matrix(prefix + "attn_wo");
        this.head = head;
    }

    /** attn_wo · [head₀(q, keys, values), ..., head_{n-1}(...)], after adding this position's k and v to the cache. */
    public List<Value> forward(List<Value> x, KeyValueCache cache) {
        List<Value> q = Linear.apply(wq, x);
        cache.append(layer, Linear.apply(wk, x), Linear.apply(wv, x));
        List<List<Value>> keys = cache.keys(layer);
        List<List<Value>> values = cache.values(layer);
        List<Value> heads = new ArrayList<>(x.size());
        for (int h = 0; h < nHead; h++) {
            int from = h * headDim;
            int to = from + headDim;
            heads.addAll(head.forward(q.subList(from, to), slices(keys, from, to), slices(values, from, to)));
        }
        return Linear.apply(wo, heads);
    }

    private static List<List<Value>> slices(List<List<Value>> vectors, int from, int to) {
        List<List<Value>> slices = new ArrayList<>(vectors.size());
        for (List<Value> vector : vectors) {
            slices.add(vector.subList(from, to));
        }
        return slices;
    }
}
