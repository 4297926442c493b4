package dev.rewire.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleLanguageTest {
  private static final Checker.Scope PRE = new Checker.Scope("on_pre", List.of("lr", "gmax"),
      "pre", List.of("x", "y"), "post", List.of("u"));

  private static Event pre(String text) {
    return Checker.event(Parser.statements(text), PRE);
  }

  private static RuleException error(String text) {
    return assertThrows(RuleException.class, () -> pre(text));
  }

  @Test
  void precedenceAndLeftAssociativity_fixTheOrderOfOperations() {
    Event e = pre("w = w - lr * u / 2 - 1");
    // ((w - ((lr * u) / 2)) - 1)
    RExpr.Arith outer = (RExpr.Arith) e.weightUpdates().get(0);
    assertEquals('-', outer.op());
    assertEquals(new RExpr.Const(1f), outer.right());
    RExpr.Arith inner = (RExpr.Arith) outer.left();
    assertEquals(new RExpr.W(), inner.left());
    RExpr.Arith div = (RExpr.Arith) inner.right();
    assertEquals('/', div.op());
    assertEquals(new RExpr.Arith('*', new RExpr.Param(0), new RExpr.Other(0)), div.left());
  }

  @Test
  void compoundAssignment_isTheTargetFirst() {
    Event e = pre("x += 2 * y");
    assertEquals(List.of(new Event.TraceDef(0, 1, new RExpr.Arith('+', new RExpr.Own(0, 0),
        new RExpr.Arith('*', new RExpr.Const(2f), new RExpr.Own(1, 0))))), e.traceDefs());
  }

  @Test
  void statementsSeeTheTracesThatEarlierStatementsLeft() {
    Event e = pre("w = w + y\nx += 1; y += 1\nw = w + x * y  # after both\n");
    assertEquals(new RExpr.Arith('+', new RExpr.W(), new RExpr.Own(1, 0)),
        e.weightUpdates().get(0));
    assertEquals(new RExpr.Arith('+', new RExpr.W(),
        new RExpr.Arith('*', new RExpr.Own(0, 1), new RExpr.Own(1, 1))), e.weightUpdates().get(1));
    assertEquals(1, e.finalVersion()[0]);
    assertEquals(1, e.finalVersion()[1]);
    assertTrue(e.writesTraces());
  }

  @Test
  void numbers_areRoundedToFloatOnce() {
    RExpr.Arith a = (RExpr.Arith) pre("w = w * 0.1").weightUpdates().get(0);
    assertEquals(new RExpr.Const(0.1f), a.right());
    assertEquals(new RExpr.Const(1.5e-3f), ((RExpr.Arith) pre("w = w * 1.5e-3").weightUpdates()
        .get(0)).right());
  }

  @Test
  void functionsConditionsAndLogic_resolve() {
    Event e = pre("w = where(u > 0.5 and not (w >= gmax), clip(w + exp(-u), 0, gmax), abs(w))");
    RExpr.Call where = (RExpr.Call) e.weightUpdates().get(0);
    assertEquals(Function.WHERE, where.function());
    assertInstanceOf(RExpr.Logic.class, where.args().get(0));
    assertEquals(Function.CLIP, ((RExpr.Call) where.args().get(1)).function());
  }

  @Test
  void prune_isAConditionOnWAndParams() {
    RExpr r = Checker.prune(Parser.expression("w < lr * 0.5"), List.of("lr"));
    assertEquals(new RExpr.Compare("<", new RExpr.W(),
        new RExpr.Arith('*', new RExpr.Param(0), new RExpr.Const(0.5f))), r);
    RuleException e = assertThrows(RuleException.class,
        () -> Checker.prune(Parser.expression("w * 2"), List.of()));
    assertTrue(e.problem().contains("prune must be a condition"), e.getMessage());
    e = assertThrows(RuleException.class,
        () -> Checker.prune(Parser.expression("w < thresold"), List.of("threshold")));
    assertEquals("thresold", e.unknownName());
    assertTrue(e.names().contains("threshold"));
  }

  @Test
  void errors_sayWhereWhatWasFoundAndWhatWasExpected() {
    RuleException e = error("x += 1\nw = w + lr *\n");
    assertEquals(2, e.line());
    assertEquals(13, e.column());
    assertEquals("expected an expression, found the end of the line", e.problem());

    e = error("w = clip(w, 0, gmax");
    assertEquals("expected ')' to close the arguments of clip, found the end of the rule",
        e.problem());

    e = error("w == 1");
    assertTrue(e.problem().startsWith("expected '=', '+=', '-=', '*=' or '/=' after 'w'"),
        e.problem());

    e = error("w = w + 1 2");
    assertEquals("expected the end of the statement, found '2'", e.problem());

    e = error("w = w $ 2");
    assertEquals("unexpected character '$'", e.problem());
    assertEquals(7, e.column());

    assertTrue(error("w = 1e40").problem().contains("beyond the float range"));
    assertTrue(error("w = w < 1 < 2").problem().contains("do not chain"));
  }

  @Test
  void names_areChecked_withTheNamesThatWouldFit() {
    RuleException e = error("w = w + lr * uu");
    assertEquals("unknown name 'uu'", e.problem());
    assertEquals(List.of("lr", "gmax", "w", "u", "x", "y"), e.names());
    assertEquals(14, e.column());

    e = error("lr = 1");
    assertTrue(e.problem().startsWith("'lr' is a param, a constant of the rule"), e.problem());
    e = error("u += 1");
    assertEquals("'u' is a post trace; on_pre may assign w and the pre traces", e.problem());
    e = error("z += 1");
    assertEquals("z", e.unknownName());
    assertEquals(List.of("w", "x", "y"), e.names());

    assertTrue(error("x = x + w").problem().startsWith(
        "a trace statement may read only pre traces and params, not 'w'"));
    assertTrue(error("x = u").problem().startsWith(
        "a trace statement may read only pre traces and params, not 'u'"));
    assertEquals("'exp' is a function; call it as exp(...)", error("w = exp").problem());
    e = error("w = expp(w)");
    assertEquals("expp", e.unknownName());
    assertTrue(e.names().contains("exp"));
    assertEquals("clip takes 3 arguments, found 2", error("w = clip(w, 1)").problem());
  }

  @Test
  void types_areChecked() {
    assertEquals("the value of w must be a number, found a condition",
        error("w = w < 1").problem());
    assertEquals("'and' needs a condition here, found a number", error("w = where(w and 1, 1, 2)")
        .problem());
    assertEquals("where needs a condition here, found a number",
        error("w = where(w, 1, 2)").problem());
    assertEquals("'+' needs a number here, found a condition", error("w = (w < 1) + 1")
        .problem());
  }

  @Test
  void depth_isLimited_withoutOverflowingTheStack() {
    assertEquals(1, pre("w = w" + " + 1".repeat(Parser.MAX_DEPTH - 2)).weightUpdates().size());
    RuleException e = error("w = w" + " + 1".repeat(Parser.MAX_DEPTH + 10));
    assertTrue(e.problem().startsWith("the expression nests deeper than 64 operations"),
        e.problem());
    e = error("w = " + "(".repeat(100_000) + "w" + ")".repeat(100_000));
    assertTrue(e.problem().contains("nests deeper than 64 parentheses"), e.problem());
    e = error("w = " + "-".repeat(100_000) + "w");
    assertTrue(e.problem().contains("nests deeper than 64"), e.problem());
  }
}
