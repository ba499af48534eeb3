package gradkit.grading.bytecode;

/**
 * One thing in a student's classes that grading refuses, and the sentence that tells the student.
 *
 * <pre>{@code
 * new Refusal("Ex02ChainRuleByHand.java", 14, "calls java.io.FileInputStream.<init>", Family.FILES).message()
 * // "Ex02ChainRuleByHand.java line 14 calls java.io.FileInputStream.<init>: grading refuses reading or
 * //  writing files (an exercise never needs them). Remove the call and grade again."
 * }</pre>
 *
 * @param file   the student's source file
 * @param line   its line, or 0 when the class file does not say (a class's declaration)
 * @param what   what the code does, from "calls ..." to "declares ..."
 * @param family why it is refused
 */
public record Refusal(String file, int line, String what, Family family) {

    /** The sentence the student reads. */
    public String message() {
        String fix = what.startsWith("calls ") ? "Remove the call and grade again."
                : family == Family.PACKAGE ? "Rename it or move it into package gradkit.exercises, and grade again."
                : "Remove it and grade again.";
        return file + (line > 0 ? " line " + line : "") + " " + what + ": grading refuses " + family.reason() + ". " + fix;
    }
}
