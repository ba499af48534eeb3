package gradkit.check;

import java.util.ArrayList;
import java.util.List;

/**
 * The width the kit's printed text keeps to. Jupyter shows about 100 characters of a line of output
 * before it wraps or scrolls it, and a table whose rows wrap can no longer be read by column, so
 * every line the checker, the exercise reports and the notebooks print is at most {@link #COLUMNS}
 * characters long. This is the one definition of that width.
 *
 * <pre>{@code
 * result.toString().lines().allMatch(line -> line.length() <= PageWidth.COLUMNS);   // true
 * }</pre>
 */
public final class PageWidth {

    /** The longest line the kit prints: 100 characters. */
    public static final int COLUMNS = 100;

    private PageWidth() {}

    /**
     * Items (such as the operations of a table row) packed into lines of at most {@code room}
     * characters, separated by ", " within a line and ending with "," where the next line goes on.
     * An item longer than a line is broken between words; a single word longer than a line stays whole.
     */
    static List<String> pack(List<String> items, int room) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int k = 0; k < items.size(); k++) {
            String item = items.get(k) + (k < items.size() - 1 ? "," : "");
            String joined = line.length() == 0 ? item : line + " " + item;
            if (joined.length() <= room) {
                line.setLength(0);
                line.append(joined);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            List<String> pieces = words(item, room);
            lines.addAll(pieces.subList(0, pieces.size() - 1));
            line.append(pieces.get(pieces.size() - 1));
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Text broken at spaces into lines of at most {@code room} characters (a longer word stays whole). */
    static List<String> words(String text, int room) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split(" +")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > room) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
