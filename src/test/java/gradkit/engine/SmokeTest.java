package gradkit.engine;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.*;
class SmokeTest {
  @Test void example() {
    Value a = Value.of(2.0, "a"); Value b = Value.of(-3.0, "b");
    Value c = a.mul(b).add(a); c.backward();
    assertEquals(-2.0, a.grad()); assertEquals(2.0, b.grad());
  }
  @Test void millionChain() {
    Value x = Value.of(1.0); Value y = x;
    for (int i = 0; i < 1_000_000; i++) y = y.mul(1.0);
    y.backward(); assertEquals(1.0, x.grad());
  }
}
