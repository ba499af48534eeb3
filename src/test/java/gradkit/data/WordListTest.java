package gradkit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gradkit.gpt.Documents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The word list that ships with the kit: what it holds, its licence, and where it came from. */
class WordListTest {

    /** Debian's wamerican 2020.12.07-2 list, from which the shipped one was made. */
    private static final Path DEBIAN_LIST = Path.of("/usr/share/dict/american-english");
    private static final String DEBIAN_SHA256 = "9f513f1ceadb6a01c5485b7dbdfd5118dc66cd70b59cae2851292112d4066a32";

    @Test
    void theWordsAreLowercaseLettersSortedWithoutRepeats() {
        List<String> words = WordList.words();
        assertEquals(63_875, words.size());
        assertEquals(List.of("a", "aardvark", "aardvarks"), words.subList(0, 3));
        assertEquals(List.of("zygote", "zygotes"), words.subList(words.size() - 2, words.size()));
        for (int i = 0; i < words.size(); i++) {
            assertTrue(words.get(i).matches("[a-z]+"), words.get(i));
            assertTrue(i == 0 || words.get(i - 1).compareTo(words.get(i)) < 0, "sorted, no repeats at " + i);
        }
        assertThrows(UnsupportedOperationException.class, () -> words.add("x"));
    }

    @Test
    void theLicenceShipsBesideTheWordsAndSaysHowTheyWereMade() {
        String license = WordList.license();
        assertTrue(license.contains("Copyright 2000-2011 by Kevin Atkinson"), "SCOWL's notice");
        assertTrue(license.contains("Permission to use, copy, modify, distribute and sell these word"), "its permission");
        assertTrue(license.contains("LC_ALL=C grep -E '^[a-z]+$' /usr/share/dict/american-english"), "how it was made");
        assertTrue(license.contains(DEBIAN_SHA256), "which list it was made from");
    }

    /** Where Debian's list is installed, the shipped words are exactly its a-z words, in its order. */
    @Test
    void theWordsAreTheLowercaseWordsOfDebiansListWhereItIsInstalled() throws Exception {
        assumeTrue(Files.isReadable(DEBIAN_LIST), "Debian's wamerican is not installed here");
        byte[] debian = Files.readAllBytes(DEBIAN_LIST);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(debian));
        assumeTrue(sha256.equals(DEBIAN_SHA256), "another version of wamerican is installed here");
        List<String> lines = new String(debian, StandardCharsets.UTF_8).lines().toList();
        assertEquals(104_334, lines.size());
        assertEquals(Documents.lowercaseWords(lines), WordList.words());
    }
}
