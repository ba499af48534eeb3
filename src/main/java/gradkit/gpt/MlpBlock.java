package gradkit.gpt;

import gradkit.engine.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The feed-forward part of a layer: mlp_fc2 · relu(mlp_fc1 · x), widening to 4·n_embd and back.
 * Its relu is the model's only kink.
 */
public final class MlpBlock {

    private final Value[][] fc1;
    private final Value[][] fc2;

    /** The block of layer {@code layer} of these parameters. */
    public MlpBlock(Parameters parameters, int layer) {
        this.fc1 = parameters.matrix("layer" + layer + ".mlp_fc1");
        this.fc2 = parameters.matrix("layer" + layer + ".mlp_fc2");
    }

    /** mlp_fc2 · relu(mlp_fc1 · x). */
    public List<Value> forward(List<Value> x) {
        List<Value> hidden = Linear.apply(fc1, x);
        List<Value> activated = new ArrayList<>(hidden.size());
        for (Value h : hidden) {
            activated.add(h.relu());
        }
        return Linear.apply(fc2, activated);
    }
}
