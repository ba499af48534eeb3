package gradkit.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The nodes below an output in topological order: each node after all of its operands, the output
 * last. This is micrograd's {@code build_topo}, a depth-first walk that adds a node once every
 * operand is in the order.
 *
 * <p>The walk recurses, as micrograd's does, which is the fastest way through a network's graph. A
 * graph can be deeper than Java's call stack, though (a chain of ten million operations is), so past
 * {@link #MAX_RECURSION} nested calls the same walk goes on with a stack of its own on the heap.
 *
 * <p>A node is marked {@code visited} when it joins the order. The marks stay set until the caller
 * clears them ({@link #clearMarks()}, or {@link Value#backward()} as it passes each node); if the
 * walk fails, it clears them itself.
 */
final class TopologicalSort {

    /** Deeper than this the walk leaves the call stack: a few kilobytes of it at most. */
    private static final int MAX_RECURSION = 200;

    /**
     * The order is kept in blocks of 4,096 nodes, so that it grows without copying: a network's
     * graph has tens of thousands of nodes, and copying a growing array would take a tenth of the
     * time of the whole backward pass.
     */
    private static final int BLOCK_BITS = 12;
    private static final int BLOCK_SIZE = 1 << BLOCK_BITS;

    private final boolean resetGrads;
    private Value[][] blocks = new Value[4][];
    private int size;

    private TopologicalSort(boolean resetGrads) {
        this.resetGrads = resetGrads;
    }

    /**
     * The order below {@code output}, its nodes left marked. With {@code resetGrads}, the gradient of
     * every node that is not a leaf is set to 0 as it joins the order, ready for a backward pass.
     */
    static TopologicalSort of(Value output, boolean resetGrads) {
        TopologicalSort sort = new TopologicalSort(resetGrads);
        try {
            sort.visit(output, 0);
        } catch (RuntimeException | Error e) {
            sort.clearMarks();
            throw e;
        }
        return sort;
    }

    /** The number of nodes in the order. */
    int size() {
        return size;
    }

    /** Node {@code i} of the order, counted from the leaves' end. */
    Value get(int i) {
        return blocks[i >>> BLOCK_BITS][i & (BLOCK_SIZE - 1)];
    }

    /** The order as a new list, the caller's to keep. */
    List<Value> toList() {
        List<Value> order = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            order.add(get(i));
        }
        return order;
    }

    /** Clears the mark of every node in the order. */
    void clearMarks() {
        for (int i = 0; i < size; i++) {
            get(i).visited = false;
        }
    }

    /** Adds every operand of {@code node} that is not yet in the order, then {@code node} itself. */
    private void visit(Value node, int depth) {
        if (depth == MAX_RECURSION) {
            visitWithOwnStack(node);
            return;
        }
        // Most nodes are products and sums of two: asking for the kind first, rather than calling a
        // method that every kind overrides, lets the compiler inline the common case.
        if (node instanceof Binary binary) {
            visitOperand(binary.a, depth);
            visitOperand(binary.b, depth);
        } else if (node instanceof Unary unary) {
            visitOperand(unary.a, depth);
        } else if (node instanceof Reduction reduction) {
            for (Value operand : reduction.operands) {
                visitOperand(operand, depth);
            }
        }
        add(node);
    }

    private void visitOperand(Value operand, int depth) {
        if (!operand.visited) {
            visit(operand, depth + 1);
        }
    }

    /**
     * The same walk as {@link #visit}, with the call stack replaced by two arrays: the nodes whose
     * operands are being visited, and for each of them the next operand to look at.
     */
    private void visitWithOwnStack(Value start) {
        Value[] stack = {start};
        int[] nextOperand = {0};
        int top = 0;
        while (top >= 0) {
            Value node = stack[top];
            int i = nextOperand[top];
            if (i == node.operandCount()) {
                add(node);          // every operand is in the order
                top--;
                continue;
            }
            nextOperand[top] = i + 1;
            Value operand = node.operand(i);
            if (!operand.visited) {
                if (++top == stack.length) {
                    stack = Arrays.copyOf(stack, 2 * stack.length);
                    nextOperand = Arrays.copyOf(nextOperand, 2 * nextOperand.length);
                }
                stack[top] = operand;
                nextOperand[top] = 0;
            }
        }
    }

    private void add(Value node) {
        node.visited = true;
        if (resetGrads && !node.isLeaf()) {
            node.grad = 0.0;   // what it received from an earlier backward() belongs to that pass
        }
        int block = size >>> BLOCK_BITS;
        if ((size & (BLOCK_SIZE - 1)) == 0) {          // the last block is full, or there is none yet
            if (block == blocks.length) {
                blocks = Arrays.copyOf(blocks, 2 * block);
            }
            blocks[block] = new Value[BLOCK_SIZE];
        }
        blocks[block][size++ & (BLOCK_SIZE - 1)] = node;
    }
}
