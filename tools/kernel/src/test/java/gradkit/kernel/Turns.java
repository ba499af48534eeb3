package gradkit.kernel;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters that cells under test advance on every turn of their loops, read by the tests from
 * outside the cell: if a counter still moves after an interrupt, the cell's code still runs.
 */
public final class Turns {

    public static final AtomicLong LOOP = new AtomicLong();
    public static final AtomicLong CALLS = new AtomicLong();
    public static final AtomicLong LIBRARY = new AtomicLong();

    private Turns() {
    }
}
