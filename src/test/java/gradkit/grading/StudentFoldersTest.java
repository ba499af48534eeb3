package gradkit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        StudentFolders.Listing listing = StudentFolders.list(dir);
        List<StudentFolders.Entry> entries = listing.students();
        assertEquals(List.of("alice", "bob", "carol", "readme.txt"), entries.stream().map(StudentFolders.Entry::name).toList());
        assertEquals(List.of(".git"), listing.skipped());
        assertEquals("", entries.get(0).problem());
        assertTrue(entries.get(2).problem().startsWith("it is a symbolic link"));
        assertTrue(entries.get(3).problem().startsWith("it is a file, not a folder"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StudentFolders.list(dir.resolve("readme.txt")));
        assertTrue(e.getMessage().contains("is not a folder"), e.getMessage());
    }

    @Test
    void aNameStartingWithADotIsStillAStudentAndOnlyWhatIsCertainlyNotOneIsSkipped(@TempDir Path dir) throws Exception {
        for (String student : List.of("..x", ".hidden", "alice")) {
            Files.createDirectories(dir.resolve(student));
        }
        for (String folder : List.of(".git", ".svn", ".hg", "__MACOSX", ".ipynb_checkpoints")) {
            Files.createDirectories(dir.resolve(folder));
        }
        for (String file : List.of(".DS_Store", "Thumbs.db", "desktop.ini", "._alice")) {
            Files.writeString(dir.resolve(file), "x");
        }
        StudentFolders.Listing listing = StudentFolders.list(dir);
        assertEquals(List.of("..x", "._alice", ".hidden", "alice"),
                listing.students().stream().map(StudentFolders.Entry::name).toList(),
                "a name that merely starts with '.' gets its row (._alice, a file, with its problem)");
        assertEquals(List.of("_x", "__alice", "_hidden", "alice"),
                listing.students().stream().map(StudentFolders.Entry::folder).toList());
        assertEquals("", listing.students().get(0).problem(), "..x is a folder like any other");
        assertEquals(List.of(".DS_Store", ".git", ".hg", ".ipynb_checkpoints", ".svn", "Thumbs.db", "__MACOSX", "desktop.ini"),
                listing.skipped(), "each of the documented list, in name order");
        assertEquals(StudentFolders.NOT_STUDENTS.size(), listing.skipped().size());
    }

    @Test
    void theListOfWhatIsNotAStudentIgnoresCaseAndNothingElse() {
        for (String name : StudentFolders.NOT_STUDENTS) {
            assertTrue(StudentFolders.isNotAStudent(name), name);
            assertTrue(StudentFolders.isNotAStudent(name.toUpperCase(java.util.Locale.ROOT)), name);
        }
        for (String name : List.of(".gitx", ".git ", "git", "..x", ".x", "DS_Store", "alice")) {
            assertFalse(StudentFolders.isNotAStudent(name), name);
        }
    }
}
