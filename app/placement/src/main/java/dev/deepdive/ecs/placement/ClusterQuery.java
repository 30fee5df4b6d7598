package dev.deepdive.ecs.placement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An expression of the ECS cluster query language, as {@code memberOf} placement constraints use it, parsed and
 * evaluated against a container instance's attributes
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-query-language.html).
 *
 * <p>Syntax: {@code subject operator [argument]}, combined with {@code &&}/{@code and}, {@code ||}/{@code or},
 * {@code !}/{@code not} and parentheses. Operators: {@code ==}, {@code !=}, {@code >}, {@code >=}, {@code <},
 * {@code <=} (or their names {@code equals}, {@code not_equals}, ...), {@code exists}, {@code !exists},
 * {@code in}, {@code !in} (argument {@code [a, b]}), {@code =~}, {@code !~} (a Java regular expression).
 *
 * <p>Evaluation is three-valued: a subject the model cannot know before deploy ({@code agentVersion},
 * {@code ec2InstanceId}, {@code task:group}, an attribute such as {@code ecs.ami-id}, a custom attribute not set by
 * {@code ECS_INSTANCE_ATTRIBUTES}, which {@code PutAttributes} may add later) gives {@link Truth#UNKNOWN}, and the
 * caller assumes the instance matches.
 */
public final class ClusterQuery {

  /** Three-valued truth: an unknown subject makes a comparison unknown, not false. */
  public enum Truth {
    TRUE, FALSE, UNKNOWN;

    static Truth of(boolean value) {
      return value ? TRUE : FALSE;
    }

    Truth not() {
      return this == UNKNOWN ? UNKNOWN : of(this == FALSE);
    }

    Truth and(Truth other) {
      if (this == FALSE || other == FALSE) {
        return FALSE;
      }
      return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : TRUE;
    }

    Truth or(Truth other) {
      if (this == TRUE || other == TRUE) {
        return TRUE;
      }
      return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : FALSE;
    }
  }

  /**
   * The attributes the model gives every container instance it simulates, beside the custom ones of
   * {@code ECS_INSTANCE_ATTRIBUTES}
   * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-constraints.html#attributes).
   */
  public static final Set<String> MODELLED_ATTRIBUTES = Set.of(
      "ecs.instance-type", "ecs.availability-zone", "ecs.cpu-architecture", "ecs.os-type");

  private final String text;
  private final Node root;

  private ClusterQuery(String text, Node root) {
    this.text = text;
    this.root = root;
  }

  /**
   * Parses an expression.
   *
   * @throws IllegalArgumentException with a one-line message naming the position and what was expected
   */
  public static ClusterQuery parse(String expression) {
    Parser parser = new Parser(expression);
    Node root = parser.expression();
    parser.skipSpace();
    if (!parser.atEnd()) {
      throw parser.error("expected 'and', 'or' or the end");
    }
    return new ClusterQuery(expression, root);
  }

  /** The expression as written. */
  public String text() {
    return text;
  }

  /**
   * Whether an instance with {@code attributes} matches.
   *
   * @param attributes      attribute name to value, without the {@code attribute:} prefix
   * @param knownAttributes the attribute names whose absence from {@code attributes} means the instance does not
   *                        have them (rather than that the model cannot tell)
   */
  public Truth evaluate(Map<String, String> attributes, Set<String> knownAttributes) {
    return root.evaluate(attributes, knownAttributes);
  }

  private interface Node {
    Truth evaluate(Map<String, String> attributes, Set<String> known);
  }

  private record Not(Node inner) implements Node {
    public Truth evaluate(Map<String, String> attributes, Set<String> known) {
      return inner.evaluate(attributes, known).not();
    }
  }

  private record And(Node left, Node right) implements Node {
    public Truth evaluate(Map<String, String> attributes, Set<String> known) {
      return left.evaluate(attributes, known).and(right.evaluate(attributes, known));
    }
  }

  private record Or(Node left, Node right) implements Node {
    public Truth evaluate(Map<String, String> attributes, Set<String> known) {
      return left.evaluate(attributes, known).or(right.evaluate(attributes, known));
    }
  }

  private record Comparison(String subject, String operator, List<String> arguments, Pattern pattern)
      implements Node {
    public Truth evaluate(Map<String, String> attributes, Set<String> known) {
      if (!subject.startsWith("attribute:")) {
        return Truth.UNKNOWN;
      }
      String name = subject.substring("attribute:".length());
      String value = attributes.get(name);
      if (value == null && !known.contains(name)) {
        return Truth.UNKNOWN;
      }
      switch (operator) {
        case "exists":
          return Truth.of(value != null);
        case "!exists":
          return Truth.of(value == null);
        default:
          break;
      }
      if (value == null) {
        // ECS compares a missing attribute as no match, whatever the operator.
        return Truth.FALSE;
      }
      switch (operator) {
        case "==":
          return Truth.of(value.equals(arguments.get(0)));
        case "!=":
          return Truth.of(!value.equals(arguments.get(0)));
        case "in":
          return Truth.of(arguments.contains(value));
        case "!in":
          return Truth.of(!arguments.contains(value));
        case "=~":
        case "!~": {
          boolean whole = pattern.matcher(value).matches();
          // The documentation does not say whether the pattern must match the whole value; when the two readings
          // disagree, the model does not guess.
          if (whole != pattern.matcher(value).find()) {
            return Truth.UNKNOWN;
          }
          return Truth.of(operator.equals("=~") == whole);
        }
        default:
          return compare(value, arguments.get(0));
      }
    }

    private Truth compare(String value, String argument) {
      int order;
      try {
        order = new BigDecimal(value).compareTo(new BigDecimal(argument));
      } catch (NumberFormatException e) {
        order = value.compareTo(argument);
      }
      switch (operator) {
        case ">":
          return Truth.of(order > 0);
        case ">=":
          return Truth.of(order >= 0);
        case "<":
          return Truth.of(order < 0);
        default:
          return Truth.of(order <= 0);
      }
    }
  }

  /** Recursive descent over the text; words end at white space or one of {@code ( ) [ ] ,}. */
  private static final class Parser {
    private static final Map<String, String> OPERATORS = Map.ofEntries(
        Map.entry("==", "=="), Map.entry("equals", "=="), Map.entry("!=", "!="), Map.entry("not_equals", "!="),
        Map.entry(">", ">"), Map.entry("greater_than", ">"), Map.entry(">=", ">="),
        Map.entry("greater_than_equal", ">="), Map.entry("<", "<"), Map.entry("less_than", "<"),
        Map.entry("<=", "<="), Map.entry("less_than_equal", "<="), Map.entry("exists", "exists"),
        Map.entry("!exists", "!exists"), Map.entry("not_exists", "!exists"), Map.entry("in", "in"),
        Map.entry("!in", "!in"), Map.entry("not_in", "!in"), Map.entry("=~", "=~"), Map.entry("matches", "=~"),
        Map.entry("!~", "!~"), Map.entry("not_matches", "!~"));

    private final String text;
    private int position;

    Parser(String text) {
      this.text = text;
    }

    Node expression() {
      Node left = conjunction();
      while (nextWordIs("||", "or")) {
        left = new Or(left, conjunction());
      }
      return left;
    }

    private Node conjunction() {
      Node left = unary();
      while (nextWordIs("&&", "and")) {
        left = new And(left, unary());
      }
      return left;
    }

    private Node unary() {
      skipSpace();
      if (peek('(')) {
        position++;
        Node inner = expression();
        skipSpace();
        expect(')');
        return inner;
      }
      if (peek('!') && !startsWithOperator()) {
        position++;
        return new Not(unary());
      }
      if (nextWordIs("not")) {
        return new Not(unary());
      }
      return comparison();
    }

    /** {@code !exists}, {@code !in}, {@code !~}, {@code !=} are operators, not a negation. */
    private boolean startsWithOperator() {
      return text.startsWith("!exists", position) || text.startsWith("!in", position)
          || text.startsWith("!~", position) || text.startsWith("!=", position);
    }

    private Node comparison() {
      int subjectAt = position;
      String subject = word();
      if (subject.isEmpty()) {
        throw error("expected a subject such as attribute:ecs.instance-type");
      }
      if (OPERATORS.containsKey(subject) || subject.equals("and") || subject.equals("or")) {
        position = subjectAt;
        throw error("expected a subject such as attribute:ecs.instance-type before '" + subject + "'");
      }
      skipSpace();
      String written = word();
      String operator = OPERATORS.get(written);
      if (operator == null) {
        throw error("expected an operator (==, !=, >, >=, <, <=, exists, !exists, in, !in, =~, !~) after '"
            + subject + "'" + (written.isEmpty() ? "" : ", got '" + written + "'"));
      }
      if (operator.equals("exists") || operator.equals("!exists")) {
        return new Comparison(subject, operator, List.of(), null);
      }
      skipSpace();
      if (operator.equals("in") || operator.equals("!in")) {
        return new Comparison(subject, operator, list(), null);
      }
      if (operator.equals("=~") || operator.equals("!~")) {
        int at = position;
        String regex = regexWord();
        if (regex.isEmpty()) {
          throw error("expected a regular expression after '" + written + "'");
        }
        try {
          return new Comparison(subject, operator, List.of(regex), Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
          position = at;
          throw error("'" + regex + "' is not a Java regular expression: " + e.getDescription());
        }
      }
      String argument = word();
      if (argument.isEmpty()) {
        throw error("expected a value after '" + written + "'");
      }
      return new Comparison(subject, operator, List.of(argument), null);
    }

    private List<String> list() {
      expect('[');
      List<String> items = new ArrayList<>();
      while (true) {
        skipSpace();
        String item = word();
        if (item.isEmpty()) {
          throw error("expected a value in the list");
        }
        items.add(item);
        skipSpace();
        if (peek(',')) {
          position++;
          continue;
        }
        expect(']');
        return items;
      }
    }

    /** A regular expression ends at white space; a ')' it does not open closes the group around it. */
    private String regexWord() {
      int start = position;
      int depth = 0;
      while (position < text.length() && !Character.isWhitespace(text.charAt(position))) {
        char c = text.charAt(position);
        if (c == '(') {
          depth++;
        } else if (c == ')') {
          if (depth == 0) {
            break;
          }
          depth--;
        }
        position++;
      }
      return text.substring(start, position);
    }

    private String word() {
      int start = position;
      while (position < text.length() && !Character.isWhitespace(text.charAt(position))
          && "()[],".indexOf(text.charAt(position)) < 0) {
        position++;
      }
      return text.substring(start, position);
    }

    private boolean nextWordIs(String... words) {
      skipSpace();
      int start = position;
      String word = word();
      for (String w : words) {
        if (w.equals(word)) {
          return true;
        }
      }
      position = start;
      return false;
    }

    void skipSpace() {
      while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
        position++;
      }
    }

    boolean atEnd() {
      return position >= text.length();
    }

    private boolean peek(char c) {
      return position < text.length() && text.charAt(position) == c;
    }

    private void expect(char c) {
      skipSpace();
      if (!peek(c)) {
        throw error("expected '" + c + "'");
      }
      position++;
    }

    IllegalArgumentException error(String message) {
      String where = position >= text.length() ? " at the end of" : " at character " + (position + 1) + " of";
      return new IllegalArgumentException("not a cluster query expression: " + message + where + " \"" + text
          + "\"");
    }
  }

  /** The text, for messages. */
  @Override
  public String toString() {
    return text;
  }

  /** Empty when {@code expression} parses, else the parse error's message. */
  public static Optional<String> problem(String expression) {
    try {
      parse(expression);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }
}
