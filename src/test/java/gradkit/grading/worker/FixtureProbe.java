package gradkit.grading.worker;

import gradkit.exercises.ExWorkerFixture;
import gradkit.grading.protocol.Plain;

/** The probe of {@link ExWorkerFixture}, for the worker's tests: each procedure calls the method of its name. */
public final class FixtureProbe implements Probe {
    /** Serves the fixture's requests. */
    public static void main(String[] args) {
        WorkerMain.serve(new FixtureProbe());
    }

    @Override
    public Plain call(Call c) {
        try {
            return switch (c.procedure()) {
                case "twice" -> c.real(ExWorkerFixture.twice(c.real(0)));
                case "todo" -> c.real(ExWorkerFixture.todo(c.real(0)));
                case "exit" -> c.real(ExWorkerFixture.exit(c.real(0)));
                case "loop" -> c.real(ExWorkerFixture.loop(c.real(0)));
                case "flood" -> c.real(ExWorkerFixture.flood(c.real(0)));
                case "forge" -> c.real(ExWorkerFixture.forge(c.real(0)));
                case "garble" -> c.real(ExWorkerFixture.garble(c.real(0)));
                case "huge" -> c.real(ExWorkerFixture.huge(c.real(0)));
                case "hog" -> c.real(ExWorkerFixture.hog(c.real(0)));
                case "brokenClass" -> c.real(ExWorkerFixture.brokenClass(c.real(0)));
                case "cube" -> c.real(c.function(1).applyAsDouble(c.real(0)));
                default -> throw c.unknown();
            };
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
