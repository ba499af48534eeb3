package gradkit.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Jupyter notebook as the tests see it: its file and its code cells, read with Jackson from the
 * .ipynb JSON (nbformat 4, where a cell's source is a string or a list of lines).
 */
record Notebook(Path path, List<CodeCell> codeCells) {

    /** A code cell: its index among all cells (markdown included, as Jupyter counts), source, raw JSON. */
    record CodeCell(int index, String source, JsonNode json) {
        /** Whether the cell is a kernel magic (its text starts with %) rather than Java. */
        boolean isMagic() {
            return source.strip().startsWith("%");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static Notebook read(Path path) {
        JsonNode root;
        try {
            root = JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read notebook " + path, e);
        }
        JsonNode cells = root.path("cells");
        if (!cells.isArray()) {
            throw new IllegalArgumentException(path + " is not a notebook: it has no \"cells\" array");
        }
        List<CodeCell> code = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            JsonNode cell = cells.get(i);
            if (cell.path("cell_type").asText().equals("code")) {
                code.add(new CodeCell(i, text(cell.path("source")), cell));
            }
        }
        return new Notebook(path, List.copyOf(code));
    }

    /** The notebooks (*.ipynb) directly in a folder, by name; none when the folder has none. */
    static List<Path> in(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".ipynb"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list notebooks in " + folder, e);
        }
    }

    String name() {
        return path.getFileName().toString();
    }

    private static String text(JsonNode source) {
        if (!source.isArray()) {
            return source.asText();
        }
        StringBuilder joined = new StringBuilder();
        source.forEach(line -> joined.append(line.asText()));
        return joined.toString();
    }
}
