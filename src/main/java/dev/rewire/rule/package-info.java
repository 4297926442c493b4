/**
 * The plasticity-rule language: what a projection's {@code on_pre}, {@code on_post} and
 * {@code prune} say, parsed ({@link Parser}), checked against the names a rule may use and assign
 * ({@link Checker}), and lowered to a form both backends generate code from ({@link Event},
 * {@link RExpr}); and the float functions a rule may call, defined to the bit ({@link RuleMath}).
 * Depends on nothing else in rewire; the model uses it to validate rules, the backends to compile
 * them.
 */
package dev.rewire.rule;
