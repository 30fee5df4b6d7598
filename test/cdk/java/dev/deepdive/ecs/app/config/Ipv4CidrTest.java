package dev.deepdive.ecs.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv4CidrTest {
  private static Ipv4Cidr cidr(String text) {
    return Ipv4Cidr.parse(text).orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.10.0.0", "10.10.0/16", "010.10.0.0/16", "10.10.0.0/33", "10.10.0.0/016",
      " 10.10.0.0/16", "10.10.0.0/16 ", "a.b.c.d/16", "10.10.0.0/"})
  void rejectsMalformedText(String text) {
    assertThat(Ipv4Cidr.parse(text)).isEmpty();
  }

  @Test
  void blocksSharingAddressesOverlap() {
    assertThat(cidr("10.10.0.0/16").overlaps(cidr("10.10.255.0/24"))).isTrue();
  }

  @Test
  void overlapIsSymmetric() {
    assertThat(cidr("10.10.255.0/24").overlaps(cidr("10.10.0.0/16"))).isTrue();
  }

  @Test
  void adjacentBlocksDoNotOverlap() {
    assertThat(cidr("10.10.0.0/16").overlaps(cidr("10.11.0.0/16"))).isFalse();
  }

  @Test
  void printsCanonically() {
    assertThat(cidr("192.168.0.0/24")).hasToString("192.168.0.0/24");
  }

  @Test
  void clearsHostBitsForTheSuggestion() {
    assertThat(cidr("10.10.200.7/16").network()).hasToString("10.10.0.0/16");
  }
}
