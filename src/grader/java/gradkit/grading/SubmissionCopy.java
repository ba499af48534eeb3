package gradkit.grading;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies one student's folder into the scratch folder where it is graded, so that no one (the student's
 * own code included) can change the files another grading reads. Only ordinary files and folders are
 * copied: symbolic links, pipes and devices are left out (a link could point at another student's work
 * or the model answers), and so is anything past the limits on depth, count and size.
 *
 * <pre>{@code
 * SubmissionCopy.Result r = SubmissionCopy.copy(Path.of("submissions/alice"), scratch.resolve("submission"));
 * r.note();   // "" or e.g. "1 symbolic link was not copied (Ex05.java)"
 * }</pre>
 */
final class SubmissionCopy {
    static final int MAX_DEPTH = 8;
    static final int MAX_FILES = 2000;
    static final long MAX_BYTES = 64L << 20;

    private SubmissionCopy() {
    }

    /** What the copy left out, as one sentence for the gradebook ("" when it left out nothing). */
    record Result(String note) {
    }

    /** Copies {@code from} into {@code to}; an IOException means the folder could not be read. */
    static Result copy(Path from, Path to) throws IOException {
        List<String> links = new ArrayList<>();
        List<String> special = new ArrayList<>();
        long[] totals = new long[2];   // files, bytes
        boolean[] overLimit = {false};
        Files.createDirectories(to);
        Files.walkFileTree(from, java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        String relative = from.relativize(file).toString();
                        if (attrs.isSymbolicLink()) {
                            links.add(relative);
                        } else if (!attrs.isRegularFile()) {
                            special.add(relative);
                        } else if (totals[0] + 1 > MAX_FILES || totals[1] + attrs.size() > MAX_BYTES) {
                            overLimit[0] = true;
                        } else {
                            totals[0]++;
                            totals[1] += attrs.size();
                            Files.copy(file, to.resolve(relative), LinkOption.NOFOLLOW_LINKS);
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
        List<String> notes = new ArrayList<>();
        if (!links.isEmpty()) {
            notes.add(count(links.size(), "symbolic link") + " not copied (" + list(links) + ")");
        }
        if (!special.isEmpty()) {
            notes.add(count(special.size(), "special file") + " (pipe, device or socket) not copied (" + list(special) + ")");
        }
        if (overLimit[0]) {
            notes.add("files past " + MAX_FILES + " files or " + (MAX_BYTES >> 20) + " MB not copied");
        }
        return new Result(String.join("; ", notes));
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? " was" : "s were");
    }

    private static String list(List<String> names) {
        List<String> shown = names.stream().sorted().limit(5).map(StudentText::clean).toList();
        return String.join(", ", shown) + (names.size() > 5 ? ", ..." : "");
    }
}
