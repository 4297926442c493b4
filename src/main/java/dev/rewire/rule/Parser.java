package dev.rewire.rule;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a rule's text: statements, one per line (or separated by {@code ;}), {@code #} comments.
 *
 * <pre>
 *   statement  := NAME ('=' | '+=' | '-=' | '*=' | '/=') expr
 *   expr       := and ('or' and)*
 *   and        := not ('and' not)*
 *   not        := 'not' not | comparison
 *   comparison := sum (('<' | '<=' | '>' | '>=' | '==' | '!=') sum)?
 *   sum        := product (('+' | '-') product)*
 *   product    := unary (('*' | '/') unary)*
 *   unary      := '-' unary | atom
 *   atom       := NUMBER | NAME | NAME '(' expr (',' expr)* ')' | '(' expr ')'
 * </pre>
 *
 * Operators of one level associate to the left ({@code a - b - c} is {@code (a - b) - c}), which
 * fixes the order of the float operations, and with it their rounding.
 */
public final class Parser {
  /**
   * How deep an expression may nest (operators, parentheses, calls): far beyond any rule's need,
   * and within what the Java and OpenCL C compilers accept for the code made from it.
   */
  public static final int MAX_DEPTH = 64;

  private final List<Token> tokens;
  private int at;
  /** Open parentheses, calls and unary operators around the token being parsed. */
  private int nesting;

  private Parser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /** The statements of {@code text}, in order. */
  public static List<Statement> statements(String text) {
    Parser p = new Parser(Lexer.tokens(text));
    List<Statement> out = new ArrayList<>();
    while (p.peek().kind() != Token.Kind.END) {
      if (p.peek().kind() == Token.Kind.NEWLINE) {
        p.at++;
        continue;
      }
      out.add(p.statement());
      Token t = p.peek();
      if (t.kind() != Token.Kind.NEWLINE && t.kind() != Token.Kind.END) {
        throw new RuleException(t.pos(), "expected the end of the statement, found " + t);
      }
    }
    return out;
  }

  /** One expression, the whole of {@code text} (a prune condition). */
  public static Expr expression(String text) {
    Parser p = new Parser(Lexer.tokens(text));
    while (p.peek().kind() == Token.Kind.NEWLINE) {
      p.at++;
    }
    if (p.peek().kind() == Token.Kind.END) {
      throw new RuleException(p.peek().pos(), "expected an expression, found nothing");
    }
    Expr e = p.expr();
    checkDepth(e, e.pos());
    while (p.peek().kind() == Token.Kind.NEWLINE) {
      p.at++;
    }
    if (p.peek().kind() != Token.Kind.END) {
      throw new RuleException(p.peek().pos(), "expected the end of the expression, found "
          + p.peek());
    }
    return e;
  }

  /**
   * The differential equations of a neuron model, one per line: {@code dNAME/dt = expr}, optionally
   * followed by {@code : method}.
   */
  public static List<Equation> equations(String text) {
    Parser p = new Parser(Lexer.tokens(text));
    List<Equation> out = new ArrayList<>();
    while (p.peek().kind() != Token.Kind.END) {
      if (p.peek().kind() == Token.Kind.NEWLINE) {
        p.at++;
        continue;
      }
      out.add(p.equation());
      Token t = p.peek();
      if (t.kind() != Token.Kind.NEWLINE && t.kind() != Token.Kind.END) {
        throw new RuleException(t.pos(), "expected the end of the equation (or ': method'), "
            + "found " + t);
      }
    }
    return out;
  }

  private Equation equation() {
    Token d = next();
    String form = "expected an equation 'dx/dt = ...' (x a variable), found ";
    if (d.kind() != Token.Kind.NAME || d.text().length() < 2 || d.text().charAt(0) != 'd'
        || Lexer.isKeyword(d.text())) {
      throw new RuleException(d.pos(), form + d);
    }
    Token slash = next();
    Token dt = next();
    if (slash.kind() != Token.Kind.OPERATOR || !slash.text().equals("/")
        || dt.kind() != Token.Kind.NAME || !dt.text().equals("dt")) {
      throw new RuleException(d.pos(), form + "'" + d.text() + "' not followed by '/dt'");
    }
    Token eq = next();
    if (eq.kind() != Token.Kind.ASSIGN || !eq.text().equals("=")) {
      throw new RuleException(eq.pos(), "expected '=' after 'd" + d.text().substring(1)
          + "/dt', found " + eq);
    }
    Expr rhs = expr();
    checkDepth(rhs, eq.pos());
    String method = null;
    Pos methodPos = null;
    if (peekOperator(":")) {
      next();
      Token m = next();
      if (m.kind() != Token.Kind.NAME) {
        throw new RuleException(m.pos(), "expected a method after ':' (euler, rk2, rk4, "
            + "exponential_euler or exact), found " + m);
      }
      method = m.text();
      methodPos = m.pos();
    }
    return new Equation(d.text().substring(1), new Pos(d.pos().line(), d.pos().column() + 1), rhs,
        method, methodPos);
  }

  private Statement statement() {
    Token name = next();
    if (name.kind() != Token.Kind.NAME || Lexer.isKeyword(name.text())) {
      throw new RuleException(name.pos(), "expected a name to assign to, found " + name);
    }
    Token op = next();
    if (op.kind() != Token.Kind.ASSIGN) {
      throw new RuleException(op.pos(), "expected '=', '+=', '-=', '*=' or '/=' after '"
          + name.text() + "', found " + op);
    }
    Expr value = expr();
    if (!op.text().equals("=")) {
      value = new Expr.Binary(op.text().substring(0, 1), new Expr.Name(name.text(), name.pos()),
          value, op.pos());
    }
    checkDepth(value, name.pos());
    return new Statement(name.text(), name.pos(), value);
  }

  /** Refuses an expression deeper than {@link #MAX_DEPTH}, without recursion. */
  private static void checkDepth(Expr e, Pos where) {
    java.util.ArrayDeque<Object[]> stack = new java.util.ArrayDeque<>();
    stack.push(new Object[] {e, 1});
    while (!stack.isEmpty()) {
      Object[] top = stack.pop();
      Expr x = (Expr) top[0];
      int d = (Integer) top[1];
      if (d > MAX_DEPTH) {
        throw new RuleException(where, "the expression nests deeper than " + MAX_DEPTH
            + " operations; split it into several statements (w = ...; w = w + ...)");
      }
      if (x instanceof Expr.Unary u) {
        stack.push(new Object[] {u.operand(), d + 1});
      } else if (x instanceof Expr.Binary b) {
        stack.push(new Object[] {b.left(), d + 1});
        stack.push(new Object[] {b.right(), d + 1});
      } else if (x instanceof Expr.Call c) {
        for (Expr a : c.args()) {
          stack.push(new Object[] {a, d + 1});
        }
      }
    }
  }

  /** Enters a nested construct at {@code t}; refused beyond {@link #MAX_DEPTH}. */
  private void enter(Token t) {
    if (++nesting > MAX_DEPTH) {
      throw new RuleException(t.pos(), "the expression nests deeper than " + MAX_DEPTH
          + " parentheses, calls and signs");
    }
  }

  private Expr expr() {
    Expr left = and();
    while (peekKeyword("or")) {
      Token op = next();
      left = new Expr.Binary("or", left, and(), op.pos());
    }
    return left;
  }

  private Expr and() {
    Expr left = not();
    while (peekKeyword("and")) {
      Token op = next();
      left = new Expr.Binary("and", left, not(), op.pos());
    }
    return left;
  }

  private Expr not() {
    if (peekKeyword("not")) {
      Token op = next();
      enter(op);
      Expr e = new Expr.Unary("not", not(), op.pos());
      nesting--;
      return e;
    }
    return comparison();
  }

  private Expr comparison() {
    Expr left = sum();
    if (peek().kind() == Token.Kind.COMPARE) {
      Token op = next();
      left = new Expr.Binary(op.text(), left, sum(), op.pos());
      if (peek().kind() == Token.Kind.COMPARE) {
        throw new RuleException(peek().pos(), "comparisons do not chain; write 'a < b and b < c'");
      }
    }
    return left;
  }

  private Expr sum() {
    Expr left = product();
    while (peekOperator("+") || peekOperator("-")) {
      Token op = next();
      left = new Expr.Binary(op.text(), left, product(), op.pos());
    }
    return left;
  }

  private Expr product() {
    Expr left = unary();
    while (peekOperator("*") || peekOperator("/")) {
      Token op = next();
      left = new Expr.Binary(op.text(), left, unary(), op.pos());
    }
    return left;
  }

  private Expr unary() {
    if (peekOperator("-")) {
      Token op = next();
      enter(op);
      Expr e = new Expr.Unary("-", unary(), op.pos());
      nesting--;
      return e;
    }
    return atom();
  }

  private Expr atom() {
    Token t = next();
    switch (t.kind()) {
      case NUMBER -> {
        return new Expr.Num(t.value(), Double.parseDouble(t.text()), t.pos());
      }
      case NAME -> {
        if (Lexer.isKeyword(t.text())) {
          throw new RuleException(t.pos(), "expected an expression, found " + t);
        }
        if (!peekOperator("(")) {
          return new Expr.Name(t.text(), t.pos());
        }
        enter(next());
        List<Expr> args = new ArrayList<>();
        if (!peekOperator(")")) {
          args.add(expr());
          while (peekOperator(",")) {
            next();
            args.add(expr());
          }
        }
        expect(")", "to close the arguments of " + t.text());
        nesting--;
        return new Expr.Call(t.text(), args, t.pos());
      }
      case OPERATOR -> {
        if (t.text().equals("(")) {
          enter(t);
          Expr e = expr();
          expect(")", "to close '(' at line " + t.pos().line() + ", column " + t.pos().column());
          nesting--;
          return e;
        }
        throw new RuleException(t.pos(), "expected an expression, found " + t);
      }
      default -> throw new RuleException(t.pos(), "expected an expression, found " + t);
    }
  }

  private void expect(String operator, String why) {
    Token t = next();
    if (t.kind() != Token.Kind.OPERATOR || !t.text().equals(operator)) {
      throw new RuleException(t.pos(), "expected '" + operator + "' " + why + ", found " + t);
    }
  }

  private Token peek() {
    return tokens.get(at);
  }

  private Token next() {
    Token t = tokens.get(at);
    if (t.kind() != Token.Kind.END) {
      at++;
    }
    return t;
  }

  private boolean peekOperator(String op) {
    return peek().kind() == Token.Kind.OPERATOR && peek().text().equals(op);
  }

  private boolean peekKeyword(String word) {
    return peek().kind() == Token.Kind.NAME && peek().text().equals(word);
  }
}
