package gradkit.exercises;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exercise 05: a topological order and backward() (notebook 03, inside the engine).
 *
 * <p>The backward pass may run a node's rule only after every node that uses it has run (then its
 * grad is complete). Order the graph so that every node comes after its parents (a topological
 * order), then run the rules in reverse.
 * <ul>
 *   <li>{@link #topologicalOrder}: every node reachable from {@code output} exactly once, each after
 *       all of its parents, {@code output} last. Write it WITHOUT recursion (an explicit stack): a
 *       chain of a hundred thousand nodes would overflow the call stack of a recursive
 *       depth-first search. Compare nodes by identity (two different nodes may hold equal data).</li>
 *   <li>{@link #backward}: seed the output's grad with 1 and run {@link Scalar#backwardStep()} of
 *       every node, output first (the reverse of the topological order).</li>
 * </ul>
 *
 * <p>Example: for c = a·b the order is [a, b, c] or [b, a, c].
 */
public final class Ex05TopologicalOrder {
    private Ex05TopologicalOrder() {
    }

    /** Every node reachable from output, once, parents before children, output last. */
    public static List<Scalar> topologicalOrder(Scalar output) {
        throw new UnsupportedOperationException("TODO: a depth-first search with an explicit stack instead of recursion: place each node once, and only after all of its parents");
    }

    /** Seeds output's grad with 1 and runs every node's backward rule in reverse topological order. */
    public static void backward(Scalar output) {
        throw new UnsupportedOperationException("TODO: seed the output's grad, then run every node's backward rule once, each after all the nodes that use it");
    }
}
