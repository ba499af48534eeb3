package gradkit.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The students of a class folder in instructor mode: one entry each, in name order. Each gets a
 * folder name for its results that is safe anywhere (letters, digits, '.', '-', '_'; never "." or
 * ".."; unique even where case does not count), so no student's name can reach outside the output
 * folder. An entry that cannot be graded (a symbolic link, a file, a folder that cannot be read) is
 * kept, with the reason, so the gradebook still has its row. Only the entries in {@link #NOT_STUDENTS}
 * are skipped, and the listing names them, so the gradebook can say what it left out; every other
 * entry is a student, whatever its name ({@code .hidden} and {@code ..x} too).
 *
 * <pre>{@code
 * StudentFolders.Listing listing = StudentFolders.list(Path.of("submissions"));
 * for (StudentFolders.Entry e : listing.students()) {
 *     e.name(); e.folder(); e.problem();   // "O'Brien, Ann", "O_Brien__Ann", ""
 * }
 * listing.skipped();                       // [".DS_Store", ".git"]
 * }</pre>
 */
final class StudentFolders {
    private static final int MAX_FOLDER_CHARS = 80;

    /**
     * The entries that are certainly not a student, compared ignoring case: what version control
     * ({@code .git}, {@code .svn}, {@code .hg}), macOS ({@code .DS_Store}, and {@code __MACOSX} in
     * a zip made by its Finder), Windows ({@code Thumbs.db}, {@code desktop.ini}) and Jupyter
     * ({@code .ipynb_checkpoints}) leave in a folder. Nothing else is skipped: a name that merely
     * starts with '.' may be a student's.
     */
    static final List<String> NOT_STUDENTS = List.of(".git", ".svn", ".hg", ".DS_Store", "__MACOSX", "Thumbs.db",
            "desktop.ini", ".ipynb_checkpoints");

    private StudentFolders() {
    }

    /**
     * One student.
     *
     * @param name    the entry's name as it is on disk
     * @param path    the entry
     * @param folder  the safe name of its results folder
     * @param problem why it cannot be graded, or "" when it can
     */
    record Entry(String name, Path path, String folder, String problem) {
    }

    /**
     * What a class folder holds.
     *
     * @param students every entry but those skipped, one per student, in name order
     * @param skipped  the names of the entries in {@link #NOT_STUDENTS} found there, in name order
     */
    record Listing(List<Entry> students, List<String> skipped) {
        Listing {
            students = List.copyOf(students);
            skipped = List.copyOf(skipped);
        }
    }

    /** The students in {@code classFolder}; an IllegalArgumentException when it is not a folder. */
    static Listing list(Path classFolder) {
        if (!Files.isDirectory(classFolder)) {
            throw new IllegalArgumentException("The submissions folder " + classFolder + " does not exist or is not a folder.");
        }
        List<Path> paths = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(classFolder)) {
            entries.forEach(paths::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + classFolder, e);
        }
        paths.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        List<Entry> students = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Set<String> used = new HashSet<>(Set.of("gradebook.csv", "gradebook.json"));
        for (Path p : paths) {
            String name = p.getFileName().toString();
            if (isNotAStudent(name)) {
                skipped.add(name);
            } else {
                students.add(new Entry(name, p, uniqueFolder(name, used), problemWith(p)));
            }
        }
        return new Listing(students, skipped);
    }

    /** Whether {@code name} is one of {@link #NOT_STUDENTS}, ignoring case. */
    static boolean isNotAStudent(String name) {
        return NOT_STUDENTS.stream().anyMatch(name::equalsIgnoreCase);
    }

    private static String problemWith(Path p) {
        if (Files.isSymbolicLink(p)) {
            return "it is a symbolic link, not a folder; links are refused so that no one is graded on files"
                    + " from elsewhere";
        }
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return "it is a file, not a folder; each student needs a folder shaped like exercises/";
        }
        if (!Files.isReadable(p) || !Files.isExecutable(p)) {
            return "the folder cannot be read (permission denied)";
        }
        return "";
    }

    /** A safe folder name for {@code name}, not in {@code used} (compared ignoring case); adds it there. */
    static String uniqueFolder(String name, Set<String> used) {
        StringBuilder safe = new StringBuilder();
        name.codePoints().forEach(c -> safe.append(c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_'
                || c == '.') ? (char) c : '_'));
        String base = safe.toString().replaceAll("^[.]+", "_");
        if (base.length() > MAX_FOLDER_CHARS) {
            base = base.substring(0, MAX_FOLDER_CHARS);
        }
        if (base.isEmpty()) {
            base = "student";
        }
        String folder = base;
        for (int n = 2; used.contains(folder.toLowerCase(Locale.ROOT)); n++) {
            folder = base + "-" + n;
        }
        used.add(folder.toLowerCase(Locale.ROOT));
        return folder;
    }
}
