package gradkit.probes;

import gradkit.exercises.Ex05TopologicalOrder;
import gradkit.exercises.Scalar;
import gradkit.grading.protocol.Plain;
import gradkit.grading.worker.BadRequest;
import gradkit.grading.worker.Call;
import gradkit.grading.worker.Probe;
import gradkit.grading.worker.WorkerMain;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exercise 05's calls, on graphs of {@link Scalar}s the probe builds from a description: the nodes'
 * operations as a text ("leaf leaf * tanh +"), and two numbers per node, a leaf's (value, 0), tanh's
 * (operand, 0), an addition's or a product's (left operand, right operand), operands given as the
 * indices of earlier nodes. The output is the last node.
 *
 * <pre>
 * call topologicalOrder t[leaf tanh * *] r[0.5 0  0 0  0 0  1 2]     the diamond a, tanh(a), a*a, tanh(a)*(a*a):
 *                                                                     the student's order as node indices, e.g. [0 1 2 3]
 * call backward t[...] r[...]                                         every node's grad after backward(output)
 * call chain r41086a0000000000                                      x + 0 + 0 + ... of 200 000 additions: the size of
 *                                                                     its order, then x's grad after backward()
 * </pre>
 */
public final class Ex05Probe implements Probe {
    /** Serves exercise 05's requests. */
    public static void main(String[] args) {
        WorkerMain.serve(new Ex05Probe());
    }

    @Override
    public Plain call(Call c) {
        return switch (c.procedure()) {
            case "topologicalOrder" -> c.reals(orderAsIndices(build(c.text(0), c.reals(1))));
            case "backward" -> c.reals(gradsAfterBackward(build(c.text(0), c.reals(1))));
            case "chain" -> c.reals(orderSizeThenBackward(chain(c.real(0))));
            default -> throw c.unknown();
        };
    }

    /** The student's order of the graph, each node as its index in {@code nodes}; -1 for one not among them. */
    private static double[] orderAsIndices(Scalar[] nodes) {
        Map<Scalar, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < nodes.length; i++) {
            index.put(nodes[i], i);
        }
        List<Scalar> order = Ex05TopologicalOrder.topologicalOrder(nodes[nodes.length - 1]);
        return order.stream().mapToDouble(node -> index.getOrDefault(node, -1)).toArray();
    }

    /** Every node's grad after the student's backward() of the output. */
    private static double[] gradsAfterBackward(Scalar[] nodes) {
        Ex05TopologicalOrder.backward(nodes[nodes.length - 1]);
        double[] grads = new double[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            grads[i] = nodes[i].grad();
        }
        return grads;
    }

    /** The chain x + 0 + 0 + ... of {@code depth} additions, as {x, output}. */
    private static Scalar[] chain(double depth) {
        Scalar x = new Scalar(1.0);
        Scalar node = x;
        for (int i = 0; i < (int) depth; i++) {
            node = add(node, new Scalar(0.0));
        }
        return new Scalar[] {x, node};
    }

    /**
     * The size of the student's order of the chain, then x's grad after the student's backward() of it: one
     * call, so both share one time limit, as they share one test.
     */
    private static double[] orderSizeThenBackward(Scalar[] chain) {
        double size = Ex05TopologicalOrder.topologicalOrder(chain[1]).size();
        Ex05TopologicalOrder.backward(chain[1]);
        return new double[] {size, chain[0].grad()};
    }

    /** The graph the description names (see the class comment), its nodes in the order described. */
    static Scalar[] build(String operations, double[] numbers) {
        String[] op = operations.split(" ");
        if (numbers.length != 2 * op.length) {
            throw new BadRequest("A graph of " + op.length + " nodes needs " + 2 * op.length + " numbers, but got "
                    + numbers.length + ".");
        }
        Scalar[] nodes = new Scalar[op.length];
        for (int i = 0; i < op.length; i++) {
            double first = numbers[2 * i];
            double second = numbers[2 * i + 1];
            nodes[i] = switch (op[i]) {
                case "leaf" -> new Scalar(first);
                case "tanh" -> tanh(earlier(nodes, i, first));
                case "+" -> add(earlier(nodes, i, first), earlier(nodes, i, second));
                case "*" -> mul(earlier(nodes, i, first), earlier(nodes, i, second));
                default -> throw new BadRequest("A node is a leaf, tanh, + or *, but node " + i + " is \"" + op[i] + "\".");
            };
        }
        return nodes;
    }

    private static Scalar earlier(Scalar[] nodes, int i, double operand) {
        if (operand != Math.rint(operand) || operand < 0 || operand >= i) {
            throw new BadRequest("Node " + i + "'s operand must be the index of an earlier node, but is " + operand + ".");
        }
        return nodes[(int) operand];
    }

    // The reference operations, with correct backward rules: the same as the grading tests' Oracle.

    private static Scalar add(Scalar a, Scalar b) {
        Scalar out = new Scalar(a.data() + b.data(), "+", a, b);
        out.setBackward(() -> {
            a.setGrad(a.grad() + out.grad());
            b.setGrad(b.grad() + out.grad());
        });
        return out;
    }

    private static Scalar mul(Scalar a, Scalar b) {
        Scalar out = new Scalar(a.data() * b.data(), "*", a, b);
        out.setBackward(() -> {
            a.setGrad(a.grad() + b.data() * out.grad());
            b.setGrad(b.grad() + a.data() * out.grad());
        });
        return out;
    }

    private static Scalar tanh(Scalar a) {
        Scalar out = new Scalar(Math.tanh(a.data()), "tanh", a);
        out.setBackward(() -> a.setGrad(a.grad() + (1 - out.data() * out.data()) * out.grad()));
        return out;
    }
}
