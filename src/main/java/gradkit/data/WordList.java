package gradkit.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * English words, shipped with the kit: the 63,875 words of lowercase letters a to z of SCOWL's
 * American English word list (Kevin Atkinson's, as Debian's {@code wamerican} 2020.12.07 has it),
 * in its order. Notebook 07 trains its GPT on them, the same on every machine: nothing is read
 * from {@code /usr/share/dict}.
 *
 * <pre>{@code
 * List<String> words = WordList.words();   // [a, aardvark, aardvarks, ..., zygote, zygotes]
 * words.size();                            // 63875
 * }</pre>
 *
 * <p>The words are the resource {@value #RESOURCE} beside this class; its licence, and how it was
 * made from Debian's list, are in {@value #LICENSE} beside it.
 */
public final class WordList {

    /** The resource holding the words, one a line, next to this class. */
    public static final String RESOURCE = "american-english-a-z.txt";

    /** The resource holding the word list's licence and how it was made, next to this class. */
    public static final String LICENSE = "american-english-a-z.LICENSE.txt";

    /** What the words are, in a few words: for a line such as "63875 words from ...". */
    public static final String DESCRIPTION = "SCOWL's American English word list (a-z words only)";

    /** A word of the list: letters a to z, at least one. */
    private static final Pattern WORD = Pattern.compile("[a-z]+");

    private WordList() {}

    /**
     * The words, in the list's order (sorted as Debian sorts it); an unmodifiable list.
     *
     * @throws IllegalStateException if the resource is missing from the class path (a library built
     *     without its resources) or holds a line that is not a word of letters a to z
     */
    public static List<String> words() {
        List<String> words = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(open(RESOURCE), StandardCharsets.US_ASCII))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!WORD.matcher(line).matches()) {
                    throw new IllegalStateException("The word list " + RESOURCE + " has the line \"" + line
                            + "\" after " + words.size() + " words, but should hold words of letters a to z only.");
                }
                words.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the word list " + RESOURCE + ": " + e.getMessage(), e);
        }
        return List.copyOf(words);
    }

    /** The word list's licence (SCOWL's) and how the list was made, as text. */
    public static String license() {
        try (InputStream in = open(LICENSE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + LICENSE + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = WordList.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("The resource " + resource + " is missing next to gradkit/data/WordList.class:"
                    + " build the library with Maven (mvn compile), which copies src/main/resources there.");
        }
        return in;
    }
}
