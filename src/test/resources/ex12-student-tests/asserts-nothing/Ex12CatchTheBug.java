// Weak tests: they run every rule and print the gradients, but assert nothing
package gradkit.exercises;

import org.junit.jupiter.api.Test;

/** Runs the rules and prints what they give, without a single assertion. */
class Ex12CatchTheBug {

    @Test
    void sigmoidRuns() {
        Scalar x = new Scalar(0.3);
        x.setGrad(0.25);
        Scalar out = Rules.sigmoid(x);
        out.setGrad(-1.5);
        out.backwardStep();
        System.out.println("sigmoid'(0.3) times -1.5, plus 0.25: " + x.grad());
    }

    @Test
    void divRuns() {
        Scalar a = new Scalar(3.0);
        Scalar b = new Scalar(2.0);
        Scalar out = Rules.div(a, b);
        out.setGrad(3.0);
        out.backwardStep();
        System.out.println("grads of a/b: " + a.grad() + " " + b.grad());
    }

    @Test
    void maxRuns() {
        Scalar a = new Scalar(1.5);
        Scalar b = new Scalar(1.5);
        Scalar out = Rules.max(a, b);
        out.setGrad(2.0);
        out.backwardStep();
        System.out.println("grads of max at a tie: " + a.grad() + " " + b.grad());
    }
}
