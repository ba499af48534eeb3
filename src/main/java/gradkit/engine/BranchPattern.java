package gradkit.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The branch every operation of a graph took, in topological order: a fingerprint of which smooth
 * piece of a piecewise function an evaluation landed on.
 *
 * <p>Build the same expression twice from different inputs and compare: where the patterns differ,
 * some operation switched sides of its kink between the two inputs.
 *
 * <pre>{@code
 * BranchPattern at0 = Graph.of(Value.of(0.0).relu()).branchPattern();
 * BranchPattern atH = Graph.of(Value.of(1e-6).relu()).branchPattern();
 * at0.differences(atH);    // [1]: node 1, the relu, went from KINK to ABOVE
 * }</pre>
 */
public final class BranchPattern {

    private final Branch[] branches;
    private final String[] ops;
    /** For the max or min of a list, the operand it selected; -1 elsewhere (see {@link #selected}). */
    private final int[] selected;

    private BranchPattern(Branch[] branches, String[] ops, int[] selected) {
        this.branches = branches;
        this.ops = ops;
        this.selected = selected;
    }

    /** The pattern of a list of values, usually a graph's {@link Graph#nodes()}. */
    public static BranchPattern of(List<Value> nodes) {
        Branch[] branches = new Branch[nodes.size()];
        String[] ops = new String[nodes.size()];
        int[] selected = new int[nodes.size()];
        for (int i = 0; i < branches.length; i++) {
            branches[i] = nodes.get(i).branch();
            ops[i] = nodes.get(i).op();
            selected[i] = nodes.get(i).selectedOperand();
        }
        return new BranchPattern(branches, ops, selected);
    }

    /** The number of nodes described. */
    public int size() {
        return branches.length;
    }

    /** The branch taken by node {@code i}. */
    public Branch branch(int i) {
        return branches[i];
    }

    /**
     * Which operand node {@code i} selected, if it is the max or min of a list ({@link Value#max(List)}):
     * its position among the operands, the first one of a tie. -1 for every other node. Such a node
     * records ABOVE whenever no operands tie, so this is what tells its smooth pieces apart.
     */
    public int selected(int i) {
        return selected[i];
    }

    /** The operation of node {@code i}, "" for a leaf. */
    public String op(int i) {
        return ops[i];
    }

    /** Whether both patterns describe graphs of the same shape: the same operations in the same order. */
    public boolean sameShape(BranchPattern other) {
        return Arrays.equals(ops, other.ops);
    }

    /** Whether node {@code i} sat exactly on its kink. */
    public boolean isKink(int i) {
        return branches[i] == Branch.KINK;
    }

    /** The positions of the nodes that sat exactly on their kink. */
    public List<Integer> kinks() {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < branches.length; i++) {
            if (branches[i] == Branch.KINK) {
                positions.add(i);
            }
        }
        return positions;
    }

    /**
     * The positions at which the two patterns took different branches.
     *
     * @throws IllegalArgumentException if the graphs have different shapes, so that positions
     *     cannot be compared (the function builds a different graph for different inputs)
     */
    public List<Integer> differences(BranchPattern other) {
        if (!sameShape(other)) {
            throw new IllegalArgumentException("The two graphs have different shapes (" + size() + " and "
                    + other.size() + " nodes, or different operations), so their branches cannot be compared node by node.");
        }
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < branches.length; i++) {
            if (branches[i] != other.branches[i] || selected[i] != other.selected[i]) {
                positions.add(i);
            }
        }
        return positions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BranchPattern other && Arrays.equals(branches, other.branches) && Arrays.equals(ops, other.ops)
                && Arrays.equals(selected, other.selected);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(branches) + Arrays.hashCode(ops)) + Arrays.hashCode(selected);
    }

    /**
     * The non-smooth operations and their branches, for example {@code [2:relu=KINK, 5:max=ABOVE]};
     * the max or min of a list adds the operand it selected: {@code 7:max=ABOVE(operand 2)}.
     */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < branches.length; i++) {
            if (branches[i] != Branch.NONE) {
                parts.add(i + ":" + ops[i] + "=" + branches[i] + (selected[i] >= 0 ? "(operand " + selected[i] + ")" : ""));
            }
        }
        return parts.toString();
    }
}
