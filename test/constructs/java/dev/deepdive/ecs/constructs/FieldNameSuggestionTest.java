package dev.deepdive.ecs.constructs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldNameSuggestionTest {
  private static final List<String> CAPACITY = List.of(
      "instanceTypes", "minSize", "desiredSize", "maxSize", "amiFamily", "rootVolumeGiB", "keyPair");
  private static final List<String> CONTAINER = List.of("name", "image", "memory", "memoryReservation", "cpu");

  @Test
  void suggestsAFieldWithSwappedLetters() {
    assertThat(FieldNameSuggestion.closest("mniSize", CAPACITY)).contains("minSize");
  }

  @Test
  void suggestsTheFullNameForACutOffOne() {
    assertThat(FieldNameSuggestion.closest("desired", CAPACITY)).contains("desiredSize");
  }

  @Test
  void prefersTheCloserOfTwoCandidates() {
    assertThat(FieldNameSuggestion.closest("maxSise", CAPACITY)).contains("maxSize");
  }

  @Test
  void suggestsNothingForAnUnrelatedName() {
    assertThat(FieldNameSuggestion.closest("spot", CAPACITY)).isEmpty();
  }

  @Test
  void doesNotSuggestForVeryShortNames() {
    assertThat(FieldNameSuggestion.closest("x", List.of("az"))).isEmpty();
  }

  @Test
  void suggestsTheSameNameInAnotherCase() {
    assertThat(FieldNameSuggestion.closest("Memory", CONTAINER)).contains("memory");
  }

  @Test
  void suggestsTheShorterNameALongerOneExtends() {
    assertThat(FieldNameSuggestion.closest("memorySize", List.of("name", "memory"))).contains("memory");
  }
}
