package dev.rewire.neuron;

/**
 * Evaluates a {@link Sym} on the host in double: the constants of a model (once per network) and
 * the set-up expressions (once per neuron). exp, log and pow are StrictMath's, so every JVM gives
 * the same bits; min, max and clip compare as the float functions do.
 */
final class HostEval {
  /** What an expression may read on the host. */
  interface Env {
    double param(String name);

    double dt();

    default double perNeuron(String name) {
      throw new IllegalStateException("per-neuron param " + name + " read in a constant");
    }

    default double variable(String name) {
      throw new IllegalStateException("variable " + name + " read in a constant");
    }

    /** The next rand() (normal: randn()) of the expression being evaluated. */
    default double draw(boolean normal) {
      throw new IllegalStateException("rand() in a constant");
    }
  }

  private HostEval() {}

  static double number(Sym s, Env env) {
    if (s instanceof Sym.Num n) {
      return n.value();
    } else if (s instanceof Sym.Param p) {
      return env.param(p.name());
    } else if (s instanceof Sym.Dt) {
      return env.dt();
    } else if (s instanceof Sym.PerNeuron p) {
      return env.perNeuron(p.name());
    } else if (s instanceof Sym.Var v) {
      return env.variable(v.name());
    } else if (s instanceof Sym.Rand r) {
      return env.draw(r.normal());
    } else if (s instanceof Sym.Neg n) {
      return -number(n.a(), env);
    } else if (s instanceof Sym.Bin b) {
      double l = number(b.a(), env);
      double r = number(b.b(), env);
      return switch (b.op()) {
        case '+' -> l + r;
        case '-' -> l - r;
        case '*' -> l * r;
        default -> l / r;
      };
    } else if (s instanceof Sym.Call c) {
      java.util.List<Sym> a = c.args();
      if (c.function() == dev.rewire.rule.Function.WHERE) {
        return condition(a.get(0), env) ? number(a.get(1), env) : number(a.get(2), env);
      }
      double x = number(a.get(0), env);
      return switch (c.function()) {
        case CLIP -> {
          double lo = number(a.get(1), env);
          double hi = number(a.get(2), env);
          yield x < lo ? lo : (x > hi ? hi : x);
        }
        case MIN -> {
          double y = number(a.get(1), env);
          yield y < x ? y : x;
        }
        case MAX -> {
          double y = number(a.get(1), env);
          yield y > x ? y : x;
        }
        case ABS -> Math.abs(x);
        case EXP -> StrictMath.exp(x);
        case LOG -> StrictMath.log(x);
        case SQRT -> StrictMath.sqrt(x);
        case POW -> StrictMath.pow(x, number(a.get(1), env));
        default -> throw new IllegalStateException("not a number: " + c.function());
      };
    }
    throw new IllegalStateException("not known on the host: " + s);
  }

  static boolean condition(Sym s, Env env) {
    if (s instanceof Sym.Not n) {
      return !condition(n.a(), env);
    } else if (s instanceof Sym.Logic l) {
      return l.and() ? condition(l.a(), env) && condition(l.b(), env)
          : condition(l.a(), env) || condition(l.b(), env);
    }
    Sym.Cmp c = (Sym.Cmp) s;
    double l = number(c.a(), env);
    double r = number(c.b(), env);
    return switch (c.op()) {
      case "<" -> l < r;
      case "<=" -> l <= r;
      case ">" -> l > r;
      case ">=" -> l >= r;
      case "==" -> l == r;
      default -> l != r;
    };
  }
}
