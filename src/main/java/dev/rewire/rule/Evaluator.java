package dev.rewire.rule;

/**
 * Evaluates a resolved expression in Java, by walking it: the reference meaning of every node, for
 * constant parts (a prune threshold from params) and for tests of generated code. The backends
 * run generated code, not this.
 */
public final class Evaluator {
  /** The values an expression may read; a neuron model's nodes are not known unless overridden. */
  public interface Values {
    float param(int index);

    float w();

    float own(int trace, int version);

    float other(int trace);

    default float var(int index) {
      throw new IllegalArgumentException("neuron variables are not known here");
    }

    default float temp(int index) {
      throw new IllegalArgumentException("temporaries are not known here");
    }

    default float konst(int index) {
      throw new IllegalArgumentException("constants are not known here");
    }

    default float perNeuron(int index) {
      throw new IllegalArgumentException("per-neuron params are not known here");
    }

    default float time() {
      throw new IllegalArgumentException("the time is not known here");
    }

    default float noise(int index) {
      throw new IllegalArgumentException("noise is not known here");
    }

    default boolean refractory() {
      throw new IllegalArgumentException("refractoriness is not known here");
    }
  }

  /** Values for an expression that reads only params. */
  public static Values params(float[] params) {
    return new Values() {
      @Override
      public float param(int index) {
        return params[index];
      }

      @Override
      public float w() {
        throw new IllegalArgumentException("w is not known here");
      }

      @Override
      public float own(int trace, int version) {
        throw new IllegalArgumentException("traces are not known here");
      }

      @Override
      public float other(int trace) {
        throw new IllegalArgumentException("traces are not known here");
      }
    };
  }

  private Evaluator() {}

  public static float number(RExpr e, Values v) {
    if (e instanceof RExpr.Const c) {
      return c.value();
    } else if (e instanceof RExpr.Param p) {
      return v.param(p.index());
    } else if (e instanceof RExpr.W) {
      return v.w();
    } else if (e instanceof RExpr.Own o) {
      return v.own(o.trace(), o.version());
    } else if (e instanceof RExpr.Other o) {
      return v.other(o.trace());
    } else if (e instanceof RExpr.Var x) {
      return v.var(x.index());
    } else if (e instanceof RExpr.Temp x) {
      return v.temp(x.index());
    } else if (e instanceof RExpr.Konst x) {
      return v.konst(x.index());
    } else if (e instanceof RExpr.PerNeuron x) {
      return v.perNeuron(x.index());
    } else if (e instanceof RExpr.Time) {
      return v.time();
    } else if (e instanceof RExpr.Noise x) {
      return v.noise(x.index());
    } else if (e instanceof RExpr.Neg n) {
      return -number(n.operand(), v);
    } else if (e instanceof RExpr.Arith a) {
      float l = number(a.left(), v);
      float r = number(a.right(), v);
      return switch (a.op()) {
        case '+' -> l + r;
        case '-' -> l - r;
        case '*' -> l * r;
        default -> l / r;
      };
    }
    RExpr.Call c = (RExpr.Call) e;
    if (c.function() == Function.WHERE) {
      return condition(c.args().get(0), v) ? number(c.args().get(1), v)
          : number(c.args().get(2), v);
    }
    float a = number(c.args().get(0), v);
    return switch (c.function()) {
      case CLIP -> RuleMath.clip(a, number(c.args().get(1), v), number(c.args().get(2), v));
      case MIN -> RuleMath.min(a, number(c.args().get(1), v));
      case MAX -> RuleMath.max(a, number(c.args().get(1), v));
      case ABS -> RuleMath.abs(a);
      case EXP -> RuleMath.exp(a);
      case LOG -> RuleMath.log(a);
      case SQRT -> RuleMath.sqrt(a);
      case POW -> RuleMath.pow(a, number(c.args().get(1), v));
      default -> throw new IllegalArgumentException(c.function() + " is not a number");
    };
  }

  public static boolean condition(RExpr e, Values v) {
    if (e instanceof RExpr.Refractory) {
      return v.refractory();
    }
    if (e instanceof RExpr.Not n) {
      return !condition(n.operand(), v);
    } else if (e instanceof RExpr.Logic l) {
      return l.and() ? condition(l.left(), v) && condition(l.right(), v)
          : condition(l.left(), v) || condition(l.right(), v);
    }
    RExpr.Compare c = (RExpr.Compare) e;
    float l = number(c.left(), v);
    float r = number(c.right(), v);
    return switch (c.op()) {
      case "<" -> l < r;
      case "<=" -> l <= r;
      case ">" -> l > r;
      case ">=" -> l >= r;
      case "==" -> l == r;
      default -> l != r;
    };
  }

  /** Whether {@code e} reads {@code w} or a trace (else it is a constant of the params). */
  public static boolean readsState(RExpr e) {
    java.util.List<RExpr> found = new java.util.ArrayList<>();
    Walk.collect(e, RExpr.W.class, found);
    Walk.collect(e, RExpr.Own.class, found);
    Walk.collect(e, RExpr.Other.class, found);
    return !found.isEmpty();
  }

  /**
   * Whether {@code e} divides or takes a square root (OpenCL must round those correctly); pow
   * divides for negative exponents.
   */
  public static boolean dividesOrRoots(RExpr e) {
    java.util.List<RExpr.Arith> arith = new java.util.ArrayList<>();
    java.util.List<RExpr.Call> calls = new java.util.ArrayList<>();
    Walk.collect(e, RExpr.Arith.class, arith);
    Walk.collect(e, RExpr.Call.class, calls);
    return arith.stream().anyMatch(a -> a.op() == '/')
        || calls.stream().anyMatch(c -> c.function() == Function.SQRT
            || c.function() == Function.POW);
  }
}
