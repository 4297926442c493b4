package dev.rewire.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Splits a rule's text into tokens; {@code #} starts a comment that runs to the end of the line. */
final class Lexer {
  private static final Set<String> KEYWORDS = Set.of("and", "or", "not");

  private Lexer() {}

  static boolean isKeyword(String name) {
    return KEYWORDS.contains(name);
  }

  static List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    int line = 1;
    int lineStart = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      Pos pos = new Pos(line, i - lineStart + 1);
      if (c == '\n' || c == ';') {
        out.add(new Token(Token.Kind.NEWLINE, String.valueOf(c), 0, pos));
        i++;
        if (c == '\n') {
          line++;
          lineStart = i;
        }
      } else if (c == '#') {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
      } else if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isDigit(c) || c == '.' && i + 1 < text.length()
          && Character.isDigit(text.charAt(i + 1))) {
        int end = number(text, i);
        String s = text.substring(i, end);
        float v = Float.parseFloat(s);
        if (Float.isInfinite(v)) {
          throw new RuleException(pos, "the number " + s + " is beyond the float range");
        }
        out.add(new Token(Token.Kind.NUMBER, s, v, pos));
        i = end;
      } else if (Character.isLetter(c) || c == '_') {
        int end = i;
        while (end < text.length()
            && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
          end++;
        }
        out.add(new Token(Token.Kind.NAME, text.substring(i, end), 0, pos));
        i = end;
      } else {
        String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
        if (two.equals("<=") || two.equals(">=") || two.equals("==") || two.equals("!=")) {
          out.add(new Token(Token.Kind.COMPARE, two, 0, pos));
          i += 2;
        } else if (two.equals("+=") || two.equals("-=") || two.equals("*=") || two.equals("/=")) {
          out.add(new Token(Token.Kind.ASSIGN, two, 0, pos));
          i += 2;
        } else if (c == '<' || c == '>') {
          out.add(new Token(Token.Kind.COMPARE, String.valueOf(c), 0, pos));
          i++;
        } else if (c == '=') {
          out.add(new Token(Token.Kind.ASSIGN, "=", 0, pos));
          i++;
        } else if ("+-*/(),:".indexOf(c) >= 0) {
          out.add(new Token(Token.Kind.OPERATOR, String.valueOf(c), 0, pos));
          i++;
        } else {
          throw new RuleException(pos, "unexpected character '" + c + "'");
        }
      }
    }
    out.add(new Token(Token.Kind.END, "", 0, new Pos(line, text.length() - lineStart + 1)));
    return out;
  }

  /** The end of the number starting at {@code i}: digits, a fraction, an exponent. */
  private static int number(String text, int i) {
    int end = i;
    while (end < text.length() && Character.isDigit(text.charAt(end))) {
      end++;
    }
    if (end < text.length() && text.charAt(end) == '.') {
      end++;
      while (end < text.length() && Character.isDigit(text.charAt(end))) {
        end++;
      }
    }
    if (end < text.length() && (text.charAt(end) == 'e' || text.charAt(end) == 'E')) {
      int e = end + 1;
      if (e < text.length() && (text.charAt(e) == '+' || text.charAt(e) == '-')) {
        e++;
      }
      if (e < text.length() && Character.isDigit(text.charAt(e))) {
        end = e;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
          end++;
        }
      }
    }
    return end;
  }
}
