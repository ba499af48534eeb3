// Hostile tests: they pass only on the first run in a JVM, and compare class names
package gradkit.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The correct rules are run first: a test that passes the first time it runs in a JVM and fails
 * later would tell the correct rules from the bugs if they shared one JVM. String.intern keeps a
 * string for the whole JVM, so "first time" can be seen without any refused API.
 */
class Ex12CatchTheBug {

    @Test
    void onlyTheFirstRunPasses() {
        String mark = new String(new char[] {'g', 'r', 'a', 'd', 'k', 'i', 't', '-', '1', '2'});
        assertTrue(mark.intern() == mark, "this string was interned before: not the first run");
    }

    @Test
    void theRulesAreTheLibrarysClass() {
        assertEquals("gradkit.exercises.Rules", Rules.class.getName());
        assertEquals("Rules", Rules.class.getSimpleName());
    }
}
