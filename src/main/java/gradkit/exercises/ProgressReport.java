package gradkit.exercises;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where each exercise stands: its status and points from the latest grading of its current files.
 * A grading counts only for the content it graded (see {@link ProgressStore}): edit a file and the
 * exercise shows "not graded since last change" until it is checked again.
 *
 * <pre>{@code
 * ProgressReport progress = Exercises.progress();
 * progress.rows().get(5).status();    // e.g. Status.NOT_GRADED_SINCE_CHANGE
 * System.out.println(progress);       // the table as text
 * }</pre>
 *
 * @param rows one row per exercise, by id
 */
public record ProgressReport(List<Row> rows) {

    /** Where an exercise stands. */
    public enum Status {
        /** Graded as it is now: every test passed. */
        PASSED("passed"),
        /** Graded as it is now: some points. */
        PARTLY_PASSED("partly passed"),
        /** Graded as it is now: no points yet. */
        NO_POINTS("0 points"),
        /** Graded before, but the file (or its grading test) changed since. */
        NOT_GRADED_SINCE_CHANGE("not graded since last change"),
        /** Never graded here. */
        NOT_GRADED("not graded yet");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * One exercise.
     *
     * @param id        "ex06"
     * @param file      "Ex06KinkRules.java"
     * @param status    where it stands
     * @param points    points of the grading of the current files (0 when there is none)
     * @param maxPoints what those tests are worth (0 when there is no grading of the current files)
     * @param note      "" or, after a change, what the last grading gave
     */
    public record Row(String id, String file, Status status, double points, double maxPoints, String note) {
        /** "6/11", or "-" when the current files have not been graded. */
        String pointsText() {
            return status == Status.NOT_GRADED || status == Status.NOT_GRADED_SINCE_CHANGE ? "-"
                    : CheckReport.fraction(points, maxPoints);
        }
    }

    public ProgressReport {
        rows = List.copyOf(rows);
    }

    /** The progress of every exercise of this repository. */
    static ProgressReport of(KitFolder kit) {
        ProgressStore store = new ProgressStore(kit.progressFolder());
        List<Row> rows = new ArrayList<>();
        for (KitFolder.Exercise e : kit.exercises()) {
            String file = e.file().getFileName().toString();
            String now = ProgressStore.fingerprint(e.file(), e.gradingTest());
            Optional<ProgressStore.Record> current = store.forFingerprint(e.id(), now);
            if (current.isPresent()) {
                ProgressStore.Record r = current.get();
                Status status = r.passed() ? Status.PASSED : r.points() > 0 ? Status.PARTLY_PASSED : Status.NO_POINTS;
                rows.add(new Row(e.id(), file, status, r.points(), r.maxPoints(), ""));
            } else {
                Optional<ProgressStore.Record> last = store.latest(e.id());
                rows.add(last.map(r -> new Row(e.id(), file, Status.NOT_GRADED_SINCE_CHANGE, 0, 0,
                                "last grading: " + CheckReport.fraction(r.points(), r.maxPoints())))
                        .orElse(new Row(e.id(), file, Status.NOT_GRADED, 0, 0, "")));
            }
        }
        return new ProgressReport(rows);
    }

    /** The table as text. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("Progress: the latest grading of each exercise's current file\n");
        out.append(String.format(Locale.ROOT, "%-5s  %-30s  %6s  %s%n", "", "file", "points", "status"));
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "%-5s  %-30s  %6s  %s%s%n", r.id(), r.file(), r.pointsText(), r.status(),
                    r.note().isEmpty() ? "" : " (" + r.note() + ")"));
        }
        return out.append(summary()).append('\n').toString();
    }

    /** The same table as HTML, for a notebook. */
    public String toHtml() {
        StringBuilder html = new StringBuilder("<table class=\"gradkit-progress\">\n<tr><th style=\"text-align:left\">exercise</th>"
                + "<th style=\"text-align:left\">file</th><th>points</th><th style=\"text-align:left\">status</th></tr>\n");
        for (Row r : rows) {
            String color = switch (r.status()) {
                case PASSED -> "#1a7f37";
                case PARTLY_PASSED, NO_POINTS -> "#cf222e";
                default -> "#57606a";
            };
            html.append("<tr><td style=\"text-align:left\">").append(r.id()).append("</td><td style=\"text-align:left\">")
                    .append(CheckReport.escape(r.file())).append("</td><td style=\"text-align:right\">").append(r.pointsText())
                    .append("</td><td style=\"text-align:left;color:").append(color).append("\">").append(r.status())
                    .append(r.note().isEmpty() ? "" : " (" + CheckReport.escape(r.note()) + ")").append("</td></tr>\n");
        }
        return html.append("<tr><th colspan=\"4\" style=\"text-align:left\">").append(CheckReport.escape(summary()))
                .append("</th></tr>\n</table>").toString();
    }

    private String summary() {
        List<Row> graded = rows.stream().filter(r -> r.status() != Status.NOT_GRADED
                && r.status() != Status.NOT_GRADED_SINCE_CHANGE).toList();
        long passed = rows.stream().filter(r -> r.status() == Status.PASSED).count();
        return String.format(Locale.ROOT, "%d of %d exercises passed; %s of %s points in the %d graded as they are now",
                passed, rows.size(), CheckReport.number(graded.stream().mapToDouble(Row::points).sum()),
                CheckReport.number(graded.stream().mapToDouble(Row::maxPoints).sum()), graded.size());
    }
}
