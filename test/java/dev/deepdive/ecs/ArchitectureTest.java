package dev.deepdive.ecs;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The folder tree is the architecture: constructs know nothing of stacks or app; stacks know nothing of app. */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.deepdive.ecs");

  @Test
  void dependenciesPointFromAppToStacksToConstructs() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("constructs").definedBy("dev.deepdive.ecs.constructs..")
        .layer("stacks").definedBy("dev.deepdive.ecs.stacks..")
        .layer("app").definedBy("dev.deepdive.ecs.app..")
        .whereLayer("app").mayNotBeAccessedByAnyLayer()
        .whereLayer("stacks").mayOnlyBeAccessedByLayers("app")
        .whereLayer("constructs").mayOnlyBeAccessedByLayers("stacks", "app")
        .check(CLASSES);
  }
}
