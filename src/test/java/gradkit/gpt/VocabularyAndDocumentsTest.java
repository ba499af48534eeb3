package gradkit.gpt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyAndDocumentsTest {

    @Test
    void charactersSortedThenBos() {
        Vocabulary v = Vocabulary.of(List.of("emma", "ava"));
        assertEquals(5, v.size());
        assertEquals(4, v.bos());
        assertArrayEquals(new int[] {4, 0, 3, 0, 4}, v.encode("ava"));
        assertEquals("ava", v.decode(v.encode("ava")));
        assertEquals('m', v.character(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.encode("bob"));
        assertTrue(e.getMessage().contains("'b'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> v.character(4));
    }

    @Test
    void onlyLowercaseLettersAreWords() {
        List<String> words = Documents.lowercaseWords(List.of("apple", "Apple", "don't", "café", "zebra", "", "x1"));
        assertEquals(List.of("apple", "zebra"), words);
    }

    @Test
    void loadTrimsSkipsBlankLinesAndShufflesBySeed(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("names.txt");
        Files.writeString(file, "anna\n\n  bob \ncarl\ndora\neve\nfred\ngus\nhal\n");
        List<String> a = Documents.load(file, 1L);
        List<String> b = Documents.load(file, 1L);
        assertEquals(a, b, "one seed, one order");
        assertEquals(8, a.size());
        assertTrue(a.contains("bob"));
        assertNotEquals(a, Documents.load(file, 2L), "another seed, another order");
        Files.writeString(file, "\n \n");
        assertThrows(IllegalArgumentException.class, () -> Documents.load(file, 1L));
    }

    @Test
    void theWordListShippedWithTheKitShuffledBySeed() {
        List<String> words = Documents.wordList(42L);
        assertEquals(words, Documents.wordList(42L), "one seed, one order");
        assertNotEquals(words, Documents.wordList(43L), "another seed, another order");
        assertEquals(new java.util.HashSet<>(gradkit.data.WordList.words()), new java.util.HashSet<>(words),
                "the same words");
        assertEquals(63_875, words.size());
        assertEquals(27, Vocabulary.of(words).size(), "a to z and BOS");
    }
}
