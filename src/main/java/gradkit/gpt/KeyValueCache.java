package gradkit.gpt;

import gradkit.engine.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys and values of the positions seen so far, one list per layer. Attention at a position
 * reads only what is in the cache, so the model cannot look ahead: this is what makes it causal.
 * Start a new cache for every document.
 */
public final class KeyValueCache {

    private final List<List<List<Value>>> keys = new ArrayList<>();
    private final List<List<List<Value>>> values = new ArrayList<>();

    /** An empty cache for a model with {@code layers} layers. */
    public KeyValueCache(int layers) {
        for (int i = 0; i < layers; i++) {
            keys.add(new ArrayList<>());
            values.add(new ArrayList<>());
        }
    }

    /** Remembers the key and value of the current position in a layer. */
    public void append(int layer, List<Value> key, List<Value> value) {
        keys.get(layer).add(key);
        values.get(layer).add(value);
    }

    /** The keys of a layer, one per position so far. */
    public List<List<Value>> keys(int layer) {
        return keys.get(layer);
    }

    /** The values of a layer, one per position so far. */
    public List<List<Value>> values(int layer) {
        return values.get(layer);
    }

    /** How many positions a layer has seen. */
    public int length(int layer) {
        return keys.get(layer).size();
    }
}
