package gradkit.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Turns the names a person types for exercises into exercise ids. Each exercise can be named by its
 * id in any case ({@code ex06}, {@code EX06}, {@code ex6}), by its number ({@code 6}, {@code 06}), by
 * its class ({@code Ex06KinkRules}, in any case), by its file ({@code Ex06KinkRules.java}, also with a
 * folder in front, as a shell completes it) or by its grading test's class ({@code Ex06KinkRulesTest}).
 *
 * <pre>{@code
 * ExerciseNames.resolve(List.of("Ex06KinkRules", "3"), TestScanner.scan(Grader.DEFAULT_TESTS));  // [ex03, ex06]
 * }</pre>
 */
final class ExerciseNames {
    private ExerciseNames() {
    }

    /**
     * The ids named, sorted and without repeats; an empty list stays empty (all exercises). A name that
     * matches no exercise is an IllegalArgumentException listing the exercises there are.
     */
    static List<String> resolve(List<String> names, List<TestScanner.Exercise> exercises) {
        TreeSet<String> ids = new TreeSet<>();
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            String id = idOf(name, exercises);
            if (id == null) {
                unknown.add(name);
            } else {
                ids.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            StringBuilder message = new StringBuilder(unknown.size() == 1 ? "Unknown exercise " : "Unknown exercises ");
            message.append(String.join(", ", unknown.stream().map(u -> "\"" + StudentText.clean(u) + "\"").toList()));
            message.append(". Name an exercise by its id (ex06), its number (6) or its class (Ex06KinkRules);"
                    + " the exercises are:");
            for (TestScanner.Exercise ex : exercises) {
                message.append("\n  ").append(ex.id()).append("  ").append(ex.studentFile().replace(".java", ""));
            }
            throw new IllegalArgumentException(message.toString());
        }
        return List.copyOf(ids);
    }

    private static String idOf(String typed, List<TestScanner.Exercise> exercises) {
        String name = typed.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (name.toLowerCase(Locale.ROOT).endsWith(".java")) {
            name = name.substring(0, name.length() - ".java".length());
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String number = lower.matches("ex\\d{1,3}") ? lower.substring(2) : lower.matches("\\d{1,3}") ? lower : null;
        for (TestScanner.Exercise ex : exercises) {
            String className = ex.studentFile().replace(".java", "").toLowerCase(Locale.ROOT);
            boolean byNumber = number != null && Integer.parseInt(number) == Integer.parseInt(ex.id().substring(2));
            if (byNumber || lower.equals(className) || lower.equals(className + "test")) {
                return ex.id();
            }
        }
        return null;
    }
}
