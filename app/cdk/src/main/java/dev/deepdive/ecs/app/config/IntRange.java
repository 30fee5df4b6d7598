package dev.deepdive.ecs.app.config;

/**
 * The allowed values of an integer field, with the reason for a bound where it is not obvious.
 *
 * @param min smallest allowed value
 * @param max largest allowed value
 * @param minReason why {@code min}, shown in the message; empty for none
 * @param maxReason why {@code max}, shown in the message; empty for none
 */
record IntRange(long min, long max, String minReason, String maxReason) {
  static IntRange between(long min, long max) {
    return new IntRange(min, max, "", "");
  }

  IntRange withMinReason(String reason) {
    return new IntRange(min, max, reason, maxReason);
  }

  IntRange withMaxReason(String reason) {
    return new IntRange(min, max, minReason, reason);
  }

  /** The problem with {@code value}, or null when it is allowed. */
  String problemWith(java.math.BigInteger value) {
    if (value.compareTo(java.math.BigInteger.valueOf(min)) < 0) {
      return "must be at least " + min + because(minReason) + ", got " + value;
    }
    if (value.compareTo(java.math.BigInteger.valueOf(max)) > 0) {
      return "must be at most " + max + because(maxReason) + ", got " + value;
    }
    return null;
  }

  private static String because(String reason) {
    return reason.isEmpty() ? "" : " (" + reason + ")";
  }
}
