package dev.recsuite.engine.autodiff;

import static dev.recsuite.engine.testing.GradCheck.awayFromZero;
import static dev.recsuite.engine.testing.GradCheck.check;
import static dev.recsuite.engine.testing.GradCheck.randn;
import static dev.recsuite.engine.testing.GradCheck.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.recsuite.engine.testing.GradCheck;
import dev.recsuite.engine.tensor.Tensor;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ElementwiseGradTest {
  private static int[] dims(String s) {
    if (s.isBlank()) {
      return new int[0];
    }
    String[] p = s.trim().split(" ");
    int[] d = new int[p.length];
    for (int i = 0; i < p.length; i++) {
      d[i] = Integer.parseInt(p[i]);
    }
    return d;
  }

  /** Shapes of a and b: equal, bias row, column, scalar, both broadcast, higher rank, and size 1. */
  @ParameterizedTest
  @CsvSource({"3 4,3 4", "3 4,4", "3 4,3 1", "2 3 4,3 1", "1,2 3", "4,3 1", "1,1", "2 1 5,1 3 1", "3 4097,3 4097"})
  void binaryOpsWithBroadcasting(String as, String bs) {
    int[] a = dims(as);
    int[] b = dims(bs);
    check("add " + as + " | " + bs, (t, in) -> t.add(in[0], in[1]), randn(1, a), randn(2, b));
    check("sub " + as + " | " + bs, (t, in) -> t.sub(in[0], in[1]), randn(1, a), randn(2, b));
    check("mul " + as + " | " + bs, (t, in) -> t.mul(in[0], in[1]), randn(1, a), randn(2, b));
    check("div " + as + " | " + bs, (t, in) -> t.div(in[0], in[1]), randn(1, a), awayFromZero(2, 0.5, 2, b));
  }

  @Test
  void incompatibleShapesAreRejectedWithBothShapes() {
    Tape t = Tape.inference(GradCheck.BACKEND);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> t.add(t.constant(Tensor.zeros(3, 4)), t.constant(Tensor.zeros(3))));
    assertEquals("shapes [3, 4] and [3] do not broadcast (dim 1)", e.getMessage());
  }

  @Test
  void scalarOps() {
    check("scale", (t, in) -> t.scale(in[0], -2.5f), randn(3, 3, 5));
    check("addScalar", (t, in) -> t.addScalar(in[0], 0.7f), randn(3, 3, 5));
    check("rsub", (t, in) -> t.rsub(1f, in[0]), randn(3, 3, 5));
  }

  @Test
  void rsubComputesOneMinusX() {
    Tape t = Tape.inference(GradCheck.BACKEND);
    Var y = t.rsub(1f, t.constant(new float[] {0.25f, 2f}, 2));
    assertArrayEquals(new float[] {0.75f, -1f}, y.value().data());
  }

  @ParameterizedTest
  @ValueSource(strings = {"exp", "log", "sigmoid", "logSigmoid", "softplus", "tanh", "relu", "leakyRelu", "gelu",
      "square", "sqrt", "neg"})
  void unaryOps(String name) {
    BiFunction<Tape, Var, Var> f = switch (name) {
      case "exp" -> Tape::exp;
      case "log" -> Tape::log;
      case "sigmoid" -> Tape::sigmoid;
      case "logSigmoid" -> Tape::logSigmoid;
      case "softplus" -> Tape::softplus;
      case "tanh" -> Tape::tanh;
      case "relu" -> Tape::relu;
      case "leakyRelu" -> Tape::leakyRelu;
      case "gelu" -> Tape::gelu;
      case "square" -> Tape::square;
      case "sqrt" -> Tape::sqrt;
      case "neg" -> Tape::neg;
      default -> throw new IllegalArgumentException(name);
    };
    boolean positive = name.equals("log") || name.equals("sqrt");
    for (int[] shape : new int[][] {{1}, {3, 7}, {2, 3, 1}, {8193}}) {
      Tensor x = positive ? uniform(4, 0.3, 3, shape) : awayFromZero(4, 0.05, 3, shape);
      check(name + " " + GradCheck.shape(x), (t, in) -> f.apply(t, in[0]), 1e-3, 1e-2, x);
    }
  }

  @Test
  void unaryKnownValues() {
    Tape t = Tape.inference(GradCheck.BACKEND);
    Var x = t.constant(new float[] {-1f, 0f, 1f, -30f, 30f}, 5);
    // torch.nn.functional.gelu(torch.tensor([-1., 0., 1.])) = [-0.15865525, 0, 0.84134475] (x Φ(x), Φ via scipy.special.ndtr)
    float[] g = t.gelu(x).value().data();
    assertEquals(-0.15865525f, g[0], 1e-6f);
    assertEquals(0f, g[1], 0f);
    assertEquals(0.84134475f, g[2], 1e-6f);
    // leaky ReLU slope 0.01; log σ(-30) = -30 - log1p(e^-30) stays finite
    assertEquals(-0.01f, t.leakyRelu(x).value().data()[0], 0f);
    assertEquals(-30f, t.logSigmoid(x).value().data()[3], 1e-6f);
    assertEquals(30f, t.softplus(x).value().data()[4], 1e-6f);
  }
}
