package gradkit.gpt;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Characters as token ids, as in microgpt: the distinct characters of the documents, sorted, get
 * the ids 0, 1, ...; one more token, BOS (beginning of sequence), gets the next id and marks both
 * ends of a document.
 *
 * <pre>{@code
 * Vocabulary v = Vocabulary.of(List.of("emma", "ava"));   // a, e, m, v, then BOS = 4
 * v.encode("ava");                                         // [4, 0, 3, 0, 4]
 * v.decode(new int[] {0, 3, 0});                           // "ava"
 * }</pre>
 */
public final class Vocabulary {

    private final char[] characters;
    private final int[] idOf = new int[Character.MAX_VALUE + 1];

    private Vocabulary(char[] characters) {
        this.characters = characters;
        java.util.Arrays.fill(idOf, -1);
        for (int i = 0; i < characters.length; i++) {
            idOf[characters[i]] = i;
        }
    }

    /** The vocabulary of the characters that occur in {@code documents}. */
    public static Vocabulary of(List<String> documents) {
        if (documents == null || documents.isEmpty()) {
            throw new IllegalArgumentException("A vocabulary needs at least one document, but got none.");
        }
        TreeSet<Character> seen = new TreeSet<>();
        for (String document : documents) {
            for (char c : document.toCharArray()) {
                seen.add(c);
            }
        }
        if (seen.isEmpty()) {
            throw new IllegalArgumentException("The documents hold no characters (all " + documents.size()
                    + " are empty).");
        }
        char[] characters = new char[seen.size()];
        int i = 0;
        for (char c : seen) {
            characters[i++] = c;
        }
        return new Vocabulary(characters);
    }

    /** Number of tokens: the characters and BOS. */
    public int size() {
        return characters.length + 1;
    }

    /** The id of the BOS token: the number of characters. */
    public int bos() {
        return characters.length;
    }

    /** The character of a token id other than BOS. */
    public char character(int id) {
        if (id < 0 || id >= characters.length) {
            throw new IllegalArgumentException("Token " + id + " is not a character (characters are 0 to "
                    + (characters.length - 1) + ", BOS is " + bos() + ").");
        }
        return characters[id];
    }

    /** The id of a character in the vocabulary. */
    public int id(char c) {
        int id = idOf[c];
        if (id < 0) {
            throw new IllegalArgumentException("The character '" + c + "' is not in the vocabulary " + this + ".");
        }
        return id;
    }

    /** A document as tokens: BOS, its characters, BOS. */
    public int[] encode(String document) {
        int[] tokens = new int[document.length() + 2];
        tokens[0] = bos();
        for (int i = 0; i < document.length(); i++) {
            tokens[i + 1] = id(document.charAt(i));
        }
        tokens[tokens.length - 1] = bos();
        return tokens;
    }

    /** Character tokens back to text; BOS tokens are skipped. */
    public String decode(int[] tokens) {
        StringBuilder text = new StringBuilder();
        for (int token : tokens) {
            if (token != bos()) {
                text.append(character(token));
            }
        }
        return text.toString();
    }

    /** Every document encoded. */
    public List<int[]> encodeAll(List<String> documents) {
        List<int[]> encoded = new ArrayList<>(documents.size());
        for (String document : documents) {
            encoded.add(encode(document));
        }
        return encoded;
    }

    /** The characters in id order, e.g. {@code "abc... (+ BOS)"}. */
    @Override
    public String toString() {
        return new String(characters) + " (+ BOS)";
    }
}
