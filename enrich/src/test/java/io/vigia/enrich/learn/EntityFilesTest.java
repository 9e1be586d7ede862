package io.vigia.enrich.learn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vigia.common.profile.WatchProfile;
import io.vigia.enrich.entities.KnowledgeBase;
import io.vigia.enrich.entities.KnowledgeBase.KnownEntity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntityFilesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static final String PEOPLE =
      """
      # People, one per line.
      category: people
      country: Q717
      entities:
        # --- Government ---
        - {id: Q57413, name: Nicolás Maduro, type: PERSON, aliases: [Nicolás Maduro, Maduro]}
        - {id: vigia:person/diosdado-cabello, name: Diosdado Cabello, type: PERSON, aliases: [Diosdado Cabello, Cabello]}
        - {id: vigia:person/hugo-carvajal, name: Hugo Carvajal, type: PERSON, aliases: [Hugo Carvajal, Hugo "El Pollo" Carvajal]}
      """;

  private static Path profile(Path dir) throws Exception {
    Files.createDirectories(dir.resolve("entities"));
    Files.writeString(dir.resolve("profile.yaml"), "name: test\nversion: 1\n");
    Files.writeString(
        dir.resolve("entities.yaml"), "include:\n  - entities/people.yaml\nentities: []\n");
    Files.writeString(
        dir.resolve("entities/orgs.yaml"), "category: orgs\nentities:\n  - id: vigia:org/cne\n");
    Files.writeString(dir.resolve("entities/people.yaml"), PEOPLE);
    return dir;
  }

  private static KnownEntity entity(Path dir, String id) {
    return KnowledgeBase.fromProfile(WatchProfile.load(dir.toString())).entities().stream()
        .filter(e -> e.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void shouldRewriteOnlyTheEntitysOwnLineKeepingCommentsAndOrder(@TempDir Path tmp)
      throws Exception {
    Path dir = profile(tmp);
    AliasLearner.Plan plan =
        new AliasLearner.Plan(
            List.of(new AliasLearner.Added("Q57413", "Nicolás Maduro", "Presidente Obrero", 1)),
            List.of(),
            List.of(
                new AliasLearner.Demoted(
                    "vigia:person/diosdado-cabello", "Diosdado Cabello", "Cabello", 2)),
            List.of());

    EntityFiles.apply(dir, plan);

    List<String> before = PEOPLE.lines().toList();
    List<String> after = Files.readString(dir.resolve("entities/people.yaml")).lines().toList();
    assertThat(after).hasSameSizeAs(before);
    List<Integer> changed = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      if (!before.get(i).equals(after.get(i))) {
        changed.add(i);
      }
    }
    assertThat(changed).containsExactly(5, 6);
    assertThat(after.get(5))
        .isEqualTo(
            "  - {id: Q57413, name: Nicolás Maduro, type: PERSON, aliases: [Nicolás Maduro, Maduro, Presidente Obrero]}");
    assertThat(entity(dir, "vigia:person/diosdado-cabello").aliases())
        .containsExactly("Diosdado Cabello");
    assertThat(entity(dir, "vigia:person/diosdado-cabello").weak()).containsExactly("Cabello");
    assertThat(entity(dir, "Q57413").aliases()).contains("Presidente Obrero");
  }

  @Test
  void shouldQuoteWhatYamlWouldReadOtherwise() throws Exception {
    ObjectNode o = YAML.createObjectNode();
    o.put("id", "Q1");
    o.putArray("aliases")
        .add("Hugo \"El Pollo\" Carvajal")
        .add("San Antonio, Texas")
        .add("D'Amelio")
        .add("Yes")
        .add("2024")
        .add("#hashtag")
        .add("Partido: Nuevo");
    String line = EntityFiles.flow(o);
    assertThat(line).startsWith("{id: Q1, aliases: [\"Hugo \\\"El Pollo\\\" Carvajal\", ");
    assertThat(YAML.readTree(line)).isEqualTo(o);
  }
}
