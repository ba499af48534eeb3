package gradkit.courses;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * A teacher's late policy for Gradescope, read from a properties file carried in the autograder:
 * a submission later than the grace period loses a share of the score for every started day since the
 * due date, and past a set number of days nothing is left.
 *
 * <pre>
 * # late-policy.properties
 * grace-minutes=15        # this late still counts as on time
 * percent-per-day=10      # each started day after the grace period takes 10 % of the score off
 * zero-after-days=7       # more than 7 days late: 0 points
 * </pre>
 *
 * <pre>{@code
 * LatePolicy p = new LatePolicy(Duration.ofMinutes(15), 10, 7);
 * p.daysLate(Duration.ofHours(25));   // 2 (started days)
 * p.kept(2);                         // 0.8
 * }</pre>
 *
 * @param grace         lateness that still counts as on time
 * @param percentPerDay the share of the score each started day late takes off (0 to 100)
 * @param zeroAfterDays the most days late that still earn points
 */
public record LatePolicy(Duration grace, double percentPerDay, int zeroAfterDays) {
    public LatePolicy {
        if (grace.isNegative() || percentPerDay < 0 || percentPerDay > 100 || zeroAfterDays < 0) {
            throw new IllegalArgumentException("A late policy needs grace-minutes >= 0, percent-per-day from 0 to 100"
                    + " and zero-after-days >= 0, but got " + grace.toMinutes() + ", " + percentPerDay + " and "
                    + zeroAfterDays + ".");
        }
    }

    /** Reads the file (keys of the class comment; all three must be there). */
    public static LatePolicy read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the late policy " + file, e);
        }
        return new LatePolicy(Duration.ofMinutes(whole(p, "grace-minutes", file)), number(p, "percent-per-day", file),
                (int) whole(p, "zero-after-days", file));
    }

    private static double number(Properties p, String key, Path file) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("The late policy " + file + " has no " + key + "= line.");
        }
        try {
            return Double.parseDouble(v.replaceAll("#.*", "").strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The late policy's " + key + " must be a number, but got \"" + v + "\".");
        }
    }

    private static long whole(Properties p, String key, Path file) {
        double n = number(p, key, file);
        if (n != Math.rint(n)) {
            throw new IllegalArgumentException("The late policy's " + key + " must be a whole number, but got " + n + ".");
        }
        return (long) n;
    }

    /** Started days late, counted from the due date: 0 within the grace period, 1 up to a day late, and so on. */
    public long daysLate(Duration late) {
        if (late.compareTo(grace) <= 0) {
            return 0;
        }
        long minutes = late.toMinutes() + (late.toSecondsPart() > 0 || late.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, (minutes + 24 * 60 - 1) / (24 * 60));
    }

    /** The share of the score kept (0 to 1) at this many days late. */
    public double kept(long daysLate) {
        if (daysLate > zeroAfterDays) {
            return 0;
        }
        return Math.max(0, 1 - percentPerDay * daysLate / 100);
    }
}
