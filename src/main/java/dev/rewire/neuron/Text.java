package dev.rewire.neuron;

/** A {@link Sym} in the model language's words, fully parenthesised (for comments and messages). */
final class Text {
  private Text() {}

  /** 0.1 as 0.1, 1e-300 as 1e-300: a number as a person writes it. */
  static String plain(double v) {
    if (!Double.isFinite(v)) {
      return String.valueOf(v);
    }
    String p = new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    return p.length() <= 16 ? p : Double.toString(v).replace("E", "e");
  }

  static String of(Sym s) {
    if (s instanceof Sym.Num n) {
      return plain(n.value());
    } else if (s instanceof Sym.Param p) {
      return p.name();
    } else if (s instanceof Sym.Dt) {
      return "dt";
    } else if (s instanceof Sym.PerNeuron p) {
      return p.name();
    } else if (s instanceof Sym.Var v) {
      return v.name();
    } else if (s instanceof Sym.Temp t) {
      return "t" + t.index();
    } else if (s instanceof Sym.Time) {
      return "t";
    } else if (s instanceof Sym.Noise n) {
      return "xi" + n.index();
    } else if (s instanceof Sym.Refractory) {
      return "refractory";
    } else if (s instanceof Sym.Rand r) {
      return r.normal() ? "randn()" : "rand()";
    } else if (s instanceof Sym.Neg n) {
      return "-" + of(n.a());
    } else if (s instanceof Sym.Not n) {
      return "not " + of(n.a());
    } else if (s instanceof Sym.Bin b) {
      return "(" + of(b.a()) + " " + b.op() + " " + of(b.b()) + ")";
    } else if (s instanceof Sym.Cmp c) {
      return "(" + of(c.a()) + " " + c.op() + " " + of(c.b()) + ")";
    } else if (s instanceof Sym.Logic l) {
      return "(" + of(l.a()) + (l.and() ? " and " : " or ") + of(l.b()) + ")";
    }
    Sym.Call c = (Sym.Call) s;
    StringBuilder b = new StringBuilder(c.function().ruleName()).append('(');
    for (int k = 0; k < c.args().size(); k++) {
      b.append(k == 0 ? "" : ", ").append(of(c.args().get(k)));
    }
    return b.append(')').toString();
  }
}
