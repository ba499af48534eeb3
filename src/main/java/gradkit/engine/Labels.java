package gradkit.engine;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The names given to values with {@link Value#label(String)}, kept beside the graph instead of in
 * every node.
 *
 * <p>Almost no node of a real graph has a name (a network's forward pass makes tens of thousands of
 * nodes and names none), and a field for one would add 4 bytes, with alignment 8, to each of them.
 * This map is static mutable state, documented here on purpose: it holds its keys weakly, so a named
 * value is forgotten when the value is, and it is synchronized, so threads may name values freely.
 * Keys are compared by identity ({@code Value} keeps {@code Object}'s {@code equals}).
 */
final class Labels {

    private static final Map<Value, String> NAMES = Collections.synchronizedMap(new WeakHashMap<>());

    private Labels() {}

    /** The name given to {@code value}, or null. */
    static String of(Value value) {
        return NAMES.get(value);
    }

    /** Names {@code value}; a null name removes the one it had. */
    static void set(Value value, String name) {
        if (name == null) {
            NAMES.remove(value);
        } else {
            NAMES.put(value, name);
        }
    }
}
