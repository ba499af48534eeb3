package gradkit.grading.protocol;

import java.util.Arrays;

/**
 * A plain value that may cross between the grader and a worker: a number, an array of numbers, or a
 * text. Nothing else can, by construction: the interface is sealed.
 *
 * <pre>{@code
 * Plain x = new Plain.Real(-0.0);
 * Plain name = new Plain.Text("cube");
 * }</pre>
 */
public sealed interface Plain {
    /** A double, bit for bit. */
    record Real(double value) implements Plain {
    }

    /** An array of doubles, bit for bit; the record keeps its own copy. */
    record Reals(double[] values) implements Plain {
        /** Copies {@code values}: nobody can change it afterwards. */
        public Reals {
            values = values.clone();
        }

        /** A copy of the numbers. */
        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Reals r && Arrays.equals(bits(values), bits(r.values));
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bits(values));
        }

        @Override
        public String toString() {
            return Arrays.toString(values);
        }

        private static long[] bits(double[] v) {
            return Arrays.stream(v).mapToLong(Double::doubleToRawLongBits).toArray();
        }
    }

    /** A text (never null). */
    record Text(String value) implements Plain {
        /** @throws IllegalArgumentException for null */
        public Text {
            if (value == null) {
                throw new IllegalArgumentException("A Text holds a string, but got null.");
            }
        }
    }
}
