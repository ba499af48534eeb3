package gradkit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Students' results folders: safe names, unique where case does not count; the entries of a class folder. */
class StudentFoldersTest {

    @Test
    void everyNameBecomesASafeUniqueFolder() {
        Set<String> used = new HashSet<>();
        assertEquals("alice", StudentFolders.uniqueFolder("alice", used));
        assertEquals("Alice-2", StudentFolders.uniqueFolder("Alice", used), "unique where case does not count");
        assertEquals("O_Brien__Ann", StudentFolders.uniqueFolder("O'Brien, Ann", used));
        assertEquals("O_Brien__Ann-2", StudentFolders.uniqueFolder("O'Brien; Ann", used));
        assertEquals("_", StudentFolders.uniqueFolder("...", used), "never . or ..");
        assertEquals("_hidden", StudentFolders.uniqueFolder(".hidden", used));
        assertEquals("Jos_", StudentFolders.uniqueFolder("José", used));
        assertEquals("line_break", StudentFolders.uniqueFolder("line\nbreak", used));
        assertEquals("gradebook.csv-2", StudentFolders.uniqueFolder("gradebook.csv", new HashSet<>(Set.of("gradebook.csv"))));
        assertEquals(80, StudentFolders.uniqueFolder("x".repeat(500), used).length());
        for (String folder : used) {
            assertTrue(folder.matches("[a-z0-9_][a-z0-9._-]*"), folder);
        }
    }

    @Test
    void theEntriesOfAClassFolderInNameOrderWithTheirProblems(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("bob"));
        Files.createDirectories(dir.resolve("alice"));
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("readme.txt"), "x");
        Files.createSymbolicLink(dir.resolve("carol"), dir.resolve("alice"));
        List<StudentFolders.Entry> entries = StudentFolders.list(dir);
        assertEquals(List.of("alice", "bob", "carol", "readme.txt"), entries.stream().map(StudentFolders.Entry::name).toList(),
                "dot entries are skipped");
        assertEquals("", entries.get(0).problem());
        assertTrue(entries.get(2).problem().startsWith("it is a symbolic link"));
        assertTrue(entries.get(3).problem().startsWith("it is a file, not a folder"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StudentFolders.list(dir.resolve("readme.txt")));
        assertTrue(e.getMessage().contains("is not a folder"), e.getMessage());
    }
}
