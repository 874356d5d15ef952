package com.migochat.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The web module's shape, checked on its compiled classes: its packages depend on each other
 * without a cycle, boundaries call controls and never the other way round, and every setting comes
 * from the one {@code MigochatSettings} record, never from MicroProfile Config read here.
 */
class ArchitectureTest {

  private static final JavaClasses WEB =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.migochat.web");

  @Test
  void theTopLevelPackagesDependOnEachOtherWithoutACycle() {
    slices().matching("com.migochat.web.(*)..").should().beFreeOfCycles().check(WEB);
  }

  @Test
  void noTwoPackagesAtAnyDepthDependOnEachOther() {
    slices().matching("com.migochat.web.(**)").should().beFreeOfCycles().check(WEB);
  }

  @Test
  void boundariesCallControlsAndNothingCallsABoundary() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Boundary")
        .definedBy("com.migochat.web.boundary..")
        .layer("Control")
        .definedBy("com.migochat.web.control..")
        .layer("Security")
        .definedBy("com.migochat.web.security..")
        .whereLayer("Boundary")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Control")
        .mayOnlyBeAccessedByLayers("Boundary")
        .whereLayer("Security")
        .mayOnlyBeAccessedByLayers("Boundary")
        .check(WEB);
  }

  @Test
  void noWebClassReadsMicroProfileConfigItself() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.eclipse.microprofile.config..", "com.migochat.runner.settings..")
        .because("every setting comes from the injected MigochatSettings, read and logged once")
        .check(WEB);
  }
}
