package gradkit.grading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.Set;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds one exercise file in a submission and reads it the way a student could reasonably have saved it,
 * or says in a sentence why it cannot be used.
 *
 * <p>Accepted: the file right in the folder, in a sub-folder (a Maven layout
 * {@code src/main/java/gradkit/exercises/}, a zip's top folder), with a UTF-8 byte-order mark, with
 * CRLF or CR line ends. Refused with a message: a symbolic link (the report must never show a file from
 * outside the submission), anything that is not a regular file (a folder, a named pipe), a file larger
 * than {@link #MAX_BYTES}, a file whose package is not {@code gradkit.exercises} or whose public class
 * is not named like the file. The accepted text is written, cleaned, into the grader's own scratch
 * folder, and only that copy is compiled.
 *
 * <pre>{@code
 * SubmissionFile f = SubmissionFile.read(Path.of("exercises"), "Ex01DifferenceQuotients.java");
 * if (f.problem().isEmpty()) Files.writeString(target, f.source());
 * }</pre>
 *
 * @param source  the cleaned source text ("" when refused)
 * @param problem why the file cannot be used, "" when it can
 */
public record SubmissionFile(String source, String problem) {
    /** The largest exercise file accepted: the model answers are under 10 KB. */
    public static final int MAX_BYTES = 256 * 1024;
    /** How deep below the submission folder a file is looked for (a Maven layout is 5 levels down). */
    private static final int MAX_DEPTH = 8;
    /** How many entries of a submission folder are looked at, at most. */
    private static final long MAX_ENTRIES = 20_000;
    private static final String PACKAGE = "gradkit.exercises";
    private static final Pattern PACKAGE_LINE = Pattern.compile("^\\s*package\\s+([\\w.\\s]+?)\\s*;", Pattern.MULTILINE);
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^\\s*public\\s+(?:(?:final|abstract|sealed|strictfp)\\s+)*(?:class|interface|enum|record)\\s+(\\w+)",
            Pattern.MULTILINE);

    private static SubmissionFile refused(String problem) {
        return new SubmissionFile("", problem);
    }

    /** Finds and reads {@code fileName} in {@code submission}. */
    public static SubmissionFile read(Path submission, String fileName) {
        if (!Files.isDirectory(submission, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(submission)) {
            return refused("The submission folder " + submission.getFileName() + " does not exist.");
        }
        Optional<Path> found = locate(submission, fileName);
        if (found.isEmpty()) {
            return refused("The file " + fileName + " is missing from the submission (looked in the folder and "
                    + MAX_DEPTH + " levels of sub-folders, e.g. src/main/java/gradkit/exercises/).");
        }
        Path file = found.get();
        String where = submission.relativize(file).toString();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return refused("The file " + where + " could not be read.");
        }
        if (attributes.isSymbolicLink()) {
            return refused(where + " is a symbolic link; the grader reads only regular files inside the submission."
                    + " Put the file itself there.");
        }
        if (!attributes.isRegularFile()) {
            return refused(where + " is not a regular file (" + (attributes.isDirectory() ? "a folder" : "a device,"
                    + " socket or named pipe") + "); expected the Java source file " + fileName + ".");
        }
        if (attributes.size() > MAX_BYTES) {
            return refused(where + " is " + attributes.size() / 1024 + " KB; the grader accepts exercise files up to "
                    + MAX_BYTES / 1024 + " KB.");
        }
        byte[] bytes;
        try (InputStream in = Channels.newInputStream(Files.newByteChannel(file,
                Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)))) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            return refused("The file " + where + " could not be read.");
        }
        if (bytes.length > MAX_BYTES) {
            return refused(where + " is larger than " + MAX_BYTES / 1024 + " KB, the grader's limit for an exercise file.");
        }
        return check(fileName, normalize(bytes));
    }

    /**
     * The file itself if it is right in the folder, else the shallowest file of that name in a
     * sub-folder (ties: the alphabetically first path). Symbolic links are listed but never followed.
     */
    static Optional<Path> locate(Path submission, String fileName) {
        Path direct = submission.resolve(fileName);
        if (Files.exists(direct, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(direct);
        }
        try (Stream<Path> files = Files.walk(submission, MAX_DEPTH, new FileVisitOption[0])) {
            return files.limit(MAX_ENTRIES)
                    .filter(p -> p.getFileName() != null && p.getFileName().toString().equals(fileName))
                    .min(Comparator.comparingInt(Path::getNameCount).thenComparing(Path::toString));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** UTF-8 (malformed bytes become U+FFFD), no byte-order mark, "\n" line ends. */
    static String normalize(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        if (text.startsWith("\ufeff")) {
            text = text.substring(1);
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The package and the public class must be the ones the grading test expects. */
    private static SubmissionFile check(String fileName, String source) {
        String code = withoutComments(source);
        String expectedClass = fileName.substring(0, fileName.length() - ".java".length());
        Matcher pkg = PACKAGE_LINE.matcher(code);
        if (!pkg.find()) {
            return refused(fileName + " has no package line; it must start with \"package " + PACKAGE + ";\".");
        }
        String declared = pkg.group(1).replaceAll("\\s", "");
        if (!declared.equals(PACKAGE)) {
            return refused(fileName + " declares package " + StudentText.cap(StudentText.clean(declared), 100) + "; the exercise"
                    + " expects \"package " + PACKAGE + ";\".");
        }
        Matcher type = PUBLIC_TYPE.matcher(code);
        if (type.find() && !type.group(1).equals(expectedClass)) {
            return refused(fileName + " declares public class " + StudentText.cap(StudentText.clean(type.group(1)), 100) + "; the"
                    + " exercise expects public class " + expectedClass + " (the class name must match the file name).");
        }
        return new SubmissionFile(source, "");
    }

    /** The text with comments blanked (string literals are not parsed: enough to find the header lines). */
    private static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", "");
    }
}
