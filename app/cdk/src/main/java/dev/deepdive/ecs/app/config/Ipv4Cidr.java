package dev.deepdive.ecs.app.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An IPv4 CIDR block such as 10.10.0.0/16, parsed strictly (no leading zeros, no missing octets). */
record Ipv4Cidr(long start, int prefix) {
  private static final Pattern FORMAT = Pattern.compile(
      "(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})/(0|[1-9][0-9]?)");

  /** The block, or empty when {@code text} is not address/prefix with octets 0-255 and prefix 0-32. */
  static Optional<Ipv4Cidr> parse(String text) {
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    long address = 0;
    for (int group = 1; group <= 4; group++) {
      int octet = Integer.parseInt(m.group(group));
      if (octet > 255) {
        return Optional.empty();
      }
      address = (address << 8) | octet;
    }
    int prefix = Integer.parseInt(m.group(5));
    return prefix > 32 ? Optional.empty() : Optional.of(new Ipv4Cidr(address, prefix));
  }

  long size() {
    return 1L << (32 - prefix);
  }

  boolean hostBitsZero() {
    return start % size() == 0;
  }

  /** The block with the host bits cleared: what the user most likely meant. */
  Ipv4Cidr network() {
    return new Ipv4Cidr(start - start % size(), prefix);
  }

  boolean overlaps(Ipv4Cidr other) {
    return start < other.start + other.size() && other.start < start + size();
  }

  @Override
  public String toString() {
    return ((start >> 24) & 255) + "." + ((start >> 16) & 255) + "." + ((start >> 8) & 255) + "." + (start & 255)
        + "/" + prefix;
  }
}
