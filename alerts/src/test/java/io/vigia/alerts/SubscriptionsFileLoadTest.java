package io.vigia.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.common.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading {@code alerts.subscriptions-file} into the stored subscriptions at start. */
class SubscriptionsFileLoadTest {
  private static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant LATER = Instant.parse("2026-02-01T00:00:00Z");
  @TempDir Path dir;

  private final Map<String, Subscription> stored = new LinkedHashMap<>();
  private final List<String> writes = new ArrayList<>();

  private AlertsService.FileLoad load(String yaml, Instant now) throws Exception {
    Path f = Files.writeString(dir.resolve("subs.yaml"), yaml);
    return AlertsService.loadFile(
        SubscriptionsFile.read(f, Map.of(), now),
        id -> Optional.ofNullable(stored.get(id)),
        s -> {
          writes.add(s.id());
          stored.put(s.id(), s);
        });
  }

  private static final String TWO =
      """
      subscriptions:
        - name: Actas y CNE
          query: {q: "actas CNE", language: [es]}
          kafka: {topic: newsroom.actas}
        - id: big-stories
          name: Big stories
          query: {storySources: 4}
          kafka: {topic: newsroom.big}
      """;

  @Test
  void shouldWriteNewSubscriptionsThenNothingWhenTheFileIsUnchanged() throws Exception {
    assertThat(load(TWO, FIRST)).isEqualTo(new AlertsService.FileLoad(2, 2, 0));
    assertThat(stored).containsOnlyKeys("actas-y-cne", "big-stories");
    writes.clear();
    assertThat(load(TWO, LATER)).isEqualTo(new AlertsService.FileLoad(2, 0, 2));
    assertThat(writes).as("a restart with the same file writes nothing").isEmpty();
    assertThat(stored.get("big-stories").createdAt()).isEqualTo(FIRST);
  }

  @Test
  void shouldReplaceAChangedOneKeepingItsCreationTimeAndKeepOnesNoLongerInTheFile()
      throws Exception {
    load(TWO, FIRST);
    writes.clear();
    AlertsService.FileLoad again =
        load(
            """
        subscriptions:
          - id: big-stories
            name: Big stories
            query: {storySources: 5}
            kafka: {topic: newsroom.big}
        """,
            LATER);
    assertThat(again).isEqualTo(new AlertsService.FileLoad(1, 1, 0));
    assertThat(writes).containsExactly("big-stories");
    Subscription changed = stored.get("big-stories");
    assertThat(changed.rule().query().storySources()).isEqualTo(5);
    assertThat(changed.createdAt()).as("kept from the first load").isEqualTo(FIRST);
    assertThat(stored)
        .as("one removed from the file stays until deleted through the API")
        .containsKey("actas-y-cne");
  }

  @Test
  void shouldReadARelativePathFromTheDataFolder() {
    Config c =
        Config.builder()
            .set("data-dir", dir.toString())
            .set("alerts.subscriptions-file", "conf/subs.yaml")
            .build();
    assertThat(AlertsSettings.from(c).subscriptionsFile()).contains(dir.resolve("conf/subs.yaml"));
    Config absolute =
        Config.builder()
            .set("data-dir", dir.toString())
            .set("alerts.subscriptions-file", "/etc/vigia/subs.yaml")
            .build();
    assertThat(AlertsSettings.from(absolute).subscriptionsFile())
        .contains(Path.of("/etc/vigia/subs.yaml"));
    assertThat(
            AlertsSettings.from(Config.builder().set("data-dir", dir.toString()).build())
                .subscriptionsFile())
        .isEmpty();
  }
}
