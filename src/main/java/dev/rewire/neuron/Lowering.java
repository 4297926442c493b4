package dev.rewire.neuron;

import dev.rewire.rule.RExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns {@link Sym} expressions into the resolved expressions the backends generate code from.
 * Every largest constant part (numbers, params and dt only) that is not a lone number becomes a
 * constant {@code k<i>}, computed on the host in double and rounded to float once per network
 * ({@link NeuronCode#constants}); a lone number is rounded to float as written, as in a rule.
 * Equal constant parts share one constant.
 */
final class Lowering {
  final List<Sym> constants = new ArrayList<>();
  private final Map<Sym, Integer> index = new HashMap<>();
  private final List<String> variables;
  private final List<String> perNeuron;

  Lowering(List<String> variables, List<String> perNeuron) {
    this.variables = variables;
    this.perNeuron = perNeuron;
  }

  RExpr lower(Sym s) {
    if (numeric(s) && Sym.constant(s)) {
      if (s instanceof Sym.Num n) {
        return new RExpr.Const(n.single());
      }
      return new RExpr.Konst(index.computeIfAbsent(s, k -> {
        constants.add(k);
        return constants.size() - 1;
      }));
    }
    if (s instanceof Sym.Var v) {
      return new RExpr.Var(variables.indexOf(v.name()));
    } else if (s instanceof Sym.PerNeuron p) {
      return new RExpr.PerNeuron(perNeuron.indexOf(p.name()));
    } else if (s instanceof Sym.Temp t) {
      return new RExpr.Temp(t.index());
    } else if (s instanceof Sym.Time) {
      return new RExpr.Time();
    } else if (s instanceof Sym.Noise n) {
      return new RExpr.Noise(n.index());
    } else if (s instanceof Sym.Refractory) {
      return new RExpr.Refractory();
    } else if (s instanceof Sym.Neg n) {
      return new RExpr.Neg(lower(n.a()));
    } else if (s instanceof Sym.Not n) {
      return new RExpr.Not(lower(n.a()));
    } else if (s instanceof Sym.Bin b) {
      return new RExpr.Arith(b.op(), lower(b.a()), lower(b.b()));
    } else if (s instanceof Sym.Cmp c) {
      return new RExpr.Compare(c.op(), lower(c.a()), lower(c.b()));
    } else if (s instanceof Sym.Logic l) {
      return new RExpr.Logic(l.and(), lower(l.a()), lower(l.b()));
    } else if (s instanceof Sym.Call c) {
      return new RExpr.Call(c.function(), c.args().stream().map(this::lower).toList());
    }
    throw new IllegalStateException("cannot lower " + s);
  }

  /** Whether {@code s} is a number (not a condition). */
  static boolean numeric(Sym s) {
    return !(s instanceof Sym.Cmp || s instanceof Sym.Logic || s instanceof Sym.Not
        || s instanceof Sym.Refractory);
  }
}
