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
 * kept, with the reason, so the gradebook still has its row. Names starting with '.' are skipped.
 *
 * <pre>{@code
 * for (StudentFolders.Entry e : StudentFolders.list(Path.of("submissions"))) {
 *     e.name(); e.folder(); e.problem();   // "O'Brien, Ann", "O_Brien__Ann", ""
 * }
 * }</pre>
 */
final class StudentFolders {
    private static final int MAX_FOLDER_CHARS = 80;

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

    /** The students in {@code classFolder}; an IllegalArgumentException when it is not a folder. */
    static List<Entry> list(Path classFolder) {
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
        Set<String> used = new HashSet<>(Set.of("gradebook.csv", "gradebook.json"));
        for (Path p : paths) {
            String name = p.getFileName().toString();
            if (name.startsWith(".")) {
                continue;
            }
            students.add(new Entry(name, p, uniqueFolder(name, used), problemWith(p)));
        }
        return students;
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
