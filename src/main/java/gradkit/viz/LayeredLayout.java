package gradkit.viz;

import gradkit.engine.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each value of a small graph sits: in columns from the inputs (left) to the output (right),
 * and in rows within a column. A layout of its own, so that the backward animation needs no
 * Graphviz; it is meant for graphs of a few dozen values.
 *
 * <pre>{@code
 * LayeredLayout layout = LayeredLayout.of(Graph.topologicalOrder(L));
 * layout.column(0);    // the column of the first value in the order
 * }</pre>
 *
 * <p>An operation sits one column right of its rightmost operand; a leaf sits just left of its
 * first user, so that the edge from a constant or a weight is short. Columns are filled from the
 * output leftwards, each value placed near the mean row of the values that use it, which keeps
 * most edges from crossing.
 */
final class LayeredLayout {

    private final int[] column;
    private final double[] row;     // in row units, each column centred on the tallest one
    private final int columns;
    private final int rows;

    private LayeredLayout(int[] column, double[] row, int columns, int rows) {
        this.column = column;
        this.row = row;
        this.columns = columns;
        this.rows = rows;
    }

    /** The layout of the values in {@code order}, a topological order (parents first). */
    static LayeredLayout of(List<Value> order) {
        Map<Value, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            index.put(order.get(i), i);
        }
        int n = order.size();
        List<List<Integer>> users = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            users.add(new ArrayList<>());
        }
        int[] column = new int[n];
        for (int i = 0; i < n; i++) {
            for (Value parent : order.get(i).parents()) {
                int p = index.get(parent);
                column[i] = Math.max(column[i], column[p] + 1);
                if (!users.get(p).contains(i)) {
                    users.get(p).add(i);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (order.get(i).isLeaf() && !users.get(i).isEmpty()) {
                int first = Integer.MAX_VALUE;
                for (int u : users.get(i)) {
                    first = Math.min(first, column[u]);
                }
                column[i] = first - 1;
            }
        }
        int columns = 0;
        for (int c : column) {
            columns = Math.max(columns, c + 1);
        }
        return new LayeredLayout(column, rowsByUsers(column, columns, users), columns, tallest(column, columns));
    }

    /** Rows from the right: each column's values sorted by the mean row of their users, then centred. */
    private static double[] rowsByUsers(int[] column, int columns, List<List<Integer>> users) {
        double[] row = new double[column.length];
        int rows = tallest(column, columns);
        for (int c = columns - 1; c >= 0; c--) {
            List<Integer> here = new ArrayList<>();
            for (int i = 0; i < column.length; i++) {
                if (column[i] == c) {
                    here.add(i);
                }
            }
            double[] wish = new double[column.length];
            for (int i : here) {
                double sum = 0;
                for (int u : users.get(i)) {
                    sum += row[u];
                }
                wish[i] = users.get(i).isEmpty() ? 0 : sum / users.get(i).size();
            }
            here.sort(Comparator.<Integer>comparingDouble(i -> wish[i]).thenComparingInt(i -> i));
            double top = (rows - here.size()) / 2.0;
            for (int k = 0; k < here.size(); k++) {
                row[here.get(k)] = top + k;
            }
        }
        return row;
    }

    private static int tallest(int[] column, int columns) {
        int[] count = new int[Math.max(columns, 1)];
        int tallest = 0;
        for (int c : column) {
            tallest = Math.max(tallest, ++count[c]);
        }
        return tallest;
    }

    /** The column of value {@code i} of the order, 0 on the left. */
    int column(int i) {
        return column[i];
    }

    /** The row of value {@code i}: 0 at the top; half rows centre a short column on the tallest. */
    double row(int i) {
        return row[i];
    }

    /** The number of columns. */
    int columns() {
        return columns;
    }

    /** The number of rows of the tallest column. */
    int rows() {
        return rows;
    }
}
