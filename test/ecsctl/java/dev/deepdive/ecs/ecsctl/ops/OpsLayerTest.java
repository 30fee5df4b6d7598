package dev.deepdive.ecs.ecsctl.ops;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** ops/ is the reusable operations layer: no command-line concerns leak into it. */
class OpsLayerTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.deepdive.ecs.ecsctl.ops", "dev.deepdive.ecs.ecsctl.cli");

  @Test void opsDoesNotDependOnPicocliOrTheCli() {
    noClasses().that().resideInAPackage("dev.deepdive.ecs.ecsctl.ops..")
        .should().dependOnClassesThat().resideInAnyPackage("picocli..", "dev.deepdive.ecs.ecsctl.cli..")
        .check(CLASSES);
  }

  @Test void opsNeverWritesToTheConsoleItself() {
    noClasses().that().resideInAPackage("dev.deepdive.ecs.ecsctl.ops..")
        .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
        .check(CLASSES);
  }

  @Test void cliWritesThroughPicocliStreamsNotSystemOut() {
    noClasses().that().resideInAPackage("dev.deepdive.ecs.ecsctl.cli..")
        .and().doNotHaveSimpleName("EcsCtl")
        .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
        .check(CLASSES);
  }
}
