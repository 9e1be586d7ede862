package io.vigia.app.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The nevers of the design, checked on the compiled main classes of every module (this module, the
 * launcher, is the one that sees them all): stages meet only through topics and the schemas, only
 * the search module (and the sink's embedded Lucene adapter, which runs its queries) knows Lucene's
 * query types, the schemas stand alone, and no main source file outgrows a reader.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureTest {
  private static final List<String> STAGES = List.of("ingest", "enrich", "sink", "alerts");
  private static final int MAX_MAIN_FILE_LINES = 500;

  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // the modules' test jars (common's and schemas' test helpers) are on this classpath too
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("io.vigia");
  }

  @Nested
  class Stages {
    @Test
    void shouldNeverImportAnotherStageOrTheLauncher() {
      for (String stage : STAGES) {
        List<String> others = new ArrayList<>();
        STAGES.stream()
            .filter(s -> !s.equals(stage))
            .forEach(s -> others.add("io.vigia." + s + ".."));
        others.add("io.vigia.app..");
        noClasses()
            .that()
            .resideInAPackage("io.vigia." + stage + "..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(others.toArray(String[]::new))
            .because(
                "stages meet only through topics and the schemas, so each can run and scale alone;"
                    + " only the launcher knows them all")
            .check(main);
      }
    }

    @Test
    void shouldShareOnlyModulesThatKnowNoStage() {
      List<String> stagesAndLauncher = new ArrayList<>();
      STAGES.forEach(s -> stagesAndLauncher.add("io.vigia." + s + ".."));
      stagesAndLauncher.add("io.vigia.app..");
      noClasses()
          .that()
          .resideInAnyPackage("io.vigia.common..", "io.vigia.search..", "io.vigia.broker..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(stagesAndLauncher.toArray(String[]::new))
          .because("what the stages share must not pull one stage into another")
          .check(main);
    }
  }

  @Test
  void onlyTheSearchModuleAndTheLuceneAdapterShouldKnowLuceneQueries() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.vigia.search..", "io.vigia.sink.lucene..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.lucene.search..", "org.apache.lucene.queryparser..")
        .because(
            "the query language is the search module's: the sink and alerts evaluate it through"
                + " search (the sink's embedded index runs the queries search builds), never by"
                + " building Lucene queries of their own")
        .check(main);
  }

  @Test
  void schemasShouldImportNothingOfTheProject() {
    noClasses()
        .that()
        .resideInAPackage("io.vigia.schemas..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.vigia..").and(not(resideInAnyPackage("io.vigia.schemas.."))))
        .because("the schemas are the contract every stage reads; they depend on none of them")
        .check(main);
  }

  @Test
  void noMainSourceFileShouldExceedFiveHundredLines() throws IOException {
    Path root = projectRoot();
    TreeMap<String, Long> over = new TreeMap<>();
    List<Path> sourceRoots;
    try (Stream<Path> modules = Files.list(root)) {
      sourceRoots =
          modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList();
    }
    assertThat(sourceRoots).as("module source folders under %s", root).isNotEmpty();
    for (Path sources : sourceRoots) {
      try (Stream<Path> files = Files.walk(sources)) {
        files
            .filter(p -> p.toString().endsWith(".java"))
            .forEach(
                p -> {
                  long lines = lines(p);
                  if (lines > MAX_MAIN_FILE_LINES) {
                    over.put(root.relativize(p).toString().replace('\\', '/'), lines);
                  }
                });
      }
    }
    assertThat(over.keySet())
        .as(
            "main source files over %d lines (split them along their seams): %s",
            MAX_MAIN_FILE_LINES, over)
        .isEmpty();
  }

  private static long lines(Path p) {
    try (Stream<String> s = Files.lines(p)) {
      return s.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The checkout's top: the directory with the Maven wrapper and the parent POM. */
  private static Path projectRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("mvnw")) && Files.isDirectory(p.resolve("schemas"))) {
        return p;
      }
    }
    throw new IllegalStateException("no project root (mvnw beside schemas/) above " + Path.of(""));
  }
}
