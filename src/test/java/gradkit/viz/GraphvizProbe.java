package gradkit.viz;

/**
 * A program for {@link GraphvizTest}: prints whether Graphviz is found in this JVM, where, and what
 * a drawing says when it is not, so that a test can start a JVM with its own system properties.
 */
final class GraphvizProbe {

    private GraphvizProbe() {}

    public static void main(String[] args) {
        System.out.println("available=" + Graphviz.available() + " located=" + Graphviz.locate());
        try {
            Graphviz.require();
        } catch (IllegalStateException e) {
            System.out.println(e.getMessage());
        }
    }
}
