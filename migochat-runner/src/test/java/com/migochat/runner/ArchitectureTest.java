package com.migochat.runner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The core's shape, checked on its compiled classes: its sub-packages depend on each other without
 * a cycle, nothing but the facade's callers depends on the facade, and nothing reaches for the
 * container (the build already keeps Jakarta, MicroProfile and EclipseLink off its class path).
 */
class ArchitectureTest {

  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.migochat.runner");

  @Test
  void theSubPackagesDependOnEachOtherWithoutACycle() {
    slices().matching("com.migochat.runner.(*)..").should().beFreeOfCycles().check(CORE);
  }

  @Test
  void onlyTheFacadeLivesAtTheTopAndNoSubPackageCallsIt() {
    noClasses()
        .that()
        .resideInAPackage("com.migochat.runner.*..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName(MigrationRunner.class.getName())
        .check(CORE);
  }

  @Test
  void nothingDependsOnTheContainer() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta..", "org.eclipse.persistence..", "org.eclipse.microprofile..")
        .check(CORE);
  }
}
