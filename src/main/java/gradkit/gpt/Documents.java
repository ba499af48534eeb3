package gradkit.gpt;

import gradkit.data.WordList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The training documents: one per line of a text file, or by default the words of the kit's own
 * English word list ({@link WordList}: lowercase letters a to z only, no capitals, apostrophes or
 * accents).
 *
 * <pre>{@code
 * List<String> words = Documents.wordList(42L);                 // shuffled with seed 42
 * List<String> mine = Documents.load(Path.of("names.txt"), 42L); // any file, one document per line
 * }</pre>
 */
public final class Documents {

    private Documents() {}

    /** The words of {@link WordList#words()}, shuffled with {@code seed}. */
    public static List<String> wordList(long seed) {
        return shuffled(WordList.words(), seed);
    }

    /** The non-empty lines of a UTF-8 text file, trimmed, shuffled with {@code seed}. */
    public static List<String> load(Path file, long seed) {
        List<String> documents = new ArrayList<>();
        for (String line : lines(file)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                documents.add(trimmed);
            }
        }
        if (documents.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no documents (no non-empty lines).");
        }
        return shuffled(documents, seed);
    }

    /** The lines made of the letters a to z only, in their order. */
    public static List<String> lowercaseWords(List<String> lines) {
        List<String> words = new ArrayList<>();
        for (String line : lines) {
            if (line.matches("[a-z]+")) {
                words.add(line);
            }
        }
        return words;
    }

    /** A shuffled copy: the same seed gives the same order. */
    public static List<String> shuffled(List<String> documents, long seed) {
        List<String> copy = new ArrayList<>(documents);
        Collections.shuffle(copy, new Random(seed));
        return copy;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read documents from " + file + ": " + e.getMessage(), e);
        }
    }
}
