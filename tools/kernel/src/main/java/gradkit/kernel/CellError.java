package gradkit.kernel;

import java.util.List;

/**
 * Why a cell failed, as the notebook shows it: a one-line message (Jupyter's {@code evalue}) and
 * the lines under it (compiler diagnostics, or the stack trace of the cell's exception).
 * Its subclasses' simple names become Jupyter's {@code ename}.
 */
public class CellError extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> details;

    public CellError(String message, List<String> details) {
        super(message);
        this.details = List.copyOf(details);
    }

    /** The lines shown below the message. */
    public List<String> details() {
        return details;
    }

    /** The cell's code did not compile. */
    public static final class CompilationError extends CellError {
        private static final long serialVersionUID = 1L;

        public CompilationError(String message, List<String> details) {
            super(message, details);
        }
    }

    /** The cell's code threw an exception. */
    public static final class ExceptionInCell extends CellError {
        private static final long serialVersionUID = 1L;

        public ExceptionInCell(String message, List<String> details) {
            super(message, details);
        }
    }

    /** Kernel > Interrupt stopped the cell, or gave it up while its code still runs. */
    public static final class Interrupted extends CellError {
        private static final long serialVersionUID = 1L;

        /** The cell's code stopped. */
        public Interrupted() {
            this(false);
        }

        /** @param leftRunning true if the cell's code could not be stopped and runs on */
        public Interrupted(boolean leftRunning) {
            super(leftRunning
                    ? "the cell was interrupted (Kernel > Interrupt), but its code goes on running where the kernel"
                      + " cannot stop it (in the JDK's own code or waiting on the operating system):"
                      + " Kernel > Restart ends it"
                    : "the cell was interrupted (Kernel > Interrupt)", List.of());
        }
    }
}
