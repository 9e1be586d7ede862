package io.vigia.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigia.common.http.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscriptionTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void shouldNeverShowTheSecretOutsideTheStoredForm() throws Exception {
    Subscription s =
        Subscription.fromJson(
            Json.MAPPER.readTree(
                "{\"name\": \"CNE\", \"query\": {\"q\": \"CNE\", \"language\": \"es\"}, \"webhook\": {\"url\": \"https://hooks.example.org/x\", \"secret\": \"s3cr3t-value\"}}"),
            "cne",
            NOW);
    assertThat(s.toPublicJson().toString())
        .doesNotContain("s3cr3t-value")
        .contains("\"hasSecret\":true");
    assertThat(s.toString()).doesNotContain("s3cr3t-value");
    assertThat(s.webhook().toString()).doesNotContain("s3cr3t-value");
    assertThat(s.toStoredJson().path("webhook").path("secret").asText()).isEqualTo("s3cr3t-value");
    Subscription back = Subscription.fromJson(s.toStoredJson(), "other", NOW.plusSeconds(5));
    assertThat(back).isEqualTo(s);
  }

  @Test
  void shouldShowAWebhookAsItsOriginAndEmailRecipientsMaskedButStoreThemWhole() throws Exception {
    Subscription s =
        Subscription.fromJson(
            Json.MAPPER.readTree(
                "{\"name\": \"CNE\", \"query\": {\"q\": \"CNE\"}, \"webhook\": {\"url\":"
                    + " \"https://hooks.example.org:8443/services/T0/B1/xyz?token=abc\", \"secret\":"
                    + " \"s3cr3t-value\"}, \"email\": {\"to\": [\"maria@example.org\", \"jo@prensa.example\"]}}"),
            "cne",
            NOW);
    assertThat(s.toPublicJson().path("webhook").path("origin").asText())
        .isEqualTo("https://hooks.example.org:8443");
    assertThat(s.toPublicJson().toString()).doesNotContain("xyz").doesNotContain("token");
    assertThat(s.toPublicJson().path("email").path("to").toString())
        .isEqualTo("[\"m***@example.org\",\"j***@prensa.example\"]");
    assertThat(s.toStoredJson().path("webhook").path("url").asText())
        .isEqualTo("https://hooks.example.org:8443/services/T0/B1/xyz?token=abc");
    assertThat(s.toStoredJson().path("email").path("to").get(0).asText())
        .isEqualTo("maria@example.org");
  }

  @Test
  void shouldStoreAFigureConflictRuleAndRefuseABadQuantityAtCreation() throws Exception {
    String ok =
        "{\"name\": \"Turnout disputes\", \"query\": {\"figureConflict\": true, \"quantity\":"
            + " \"turnout\"}, \"kafka\": {\"topic\": \"desk.figures\"}}";
    Subscription s = Subscription.fromJson(Json.MAPPER.readTree(ok), "turnout", NOW);
    assertThat(s.rule().isStoryRule()).isTrue();
    assertThat(Subscription.fromJson(s.toStoredJson(), "other", NOW)).isEqualTo(s);
    // The API answers an IllegalArgumentException of fromJson with 400 and its message.
    assertThatThrownBy(
            () ->
                Subscription.fromJson(
                    Json.MAPPER.readTree(ok.replace("\"turnout\"", "{\"name\": \"turnout\"}")),
                    "turnout",
                    NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'quantity' must be a string");
  }

  @Test
  void shouldRefuseAWebhookWithoutSecretAndUnknownFields() {
    assertThatThrownBy(
            () ->
                Subscription.fromJson(
                    Json.MAPPER.readTree(
                        "{\"name\": \"x\", \"webhook\": {\"url\": \"https://h.example.org/\"}}"),
                    "x",
                    NOW))
        .hasMessageContaining("secret");
    assertThatThrownBy(
            () ->
                Subscription.fromJson(
                    Json.MAPPER.readTree("{\"name\": \"x\", \"hook\": {}}"), "x", NOW))
        .hasMessageContaining("unknown field 'hook'");
  }

  @Test
  void shouldReadTheYamlFileWithSecretsFromTheEnvironment(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("subs.yaml");
    Files.writeString(
        f,
        """
        subscriptions:
          - name: Actas y CNE
            query: {q: actas, language: [es], stance: "maduro-government:against"}
            webhook: {url: "https://hooks.example.org/a", secret: "${HOOK_SECRET}"}
            digest: 1h
          - id: newsroom
            name: Newsroom mail
            query: {entity: Q1}
            email: {to: [desk@example.org]}
        """);
    List<Subscription> subs = SubscriptionsFile.read(f, Map.of("HOOK_SECRET", "from-the-env"), NOW);
    assertThat(subs).extracting(Subscription::id).containsExactly("actas-y-cne", "newsroom");
    assertThat(subs.get(0).webhook().secret()).isEqualTo("from-the-env");
    assertThat(subs.get(0).digest()).isEqualTo(Duration.ofHours(1));
    assertThat(subs.get(1).email().to()).containsExactly("desk@example.org");
    assertThatThrownBy(() -> SubscriptionsFile.read(f, Map.of(), NOW))
        .hasMessageContaining("HOOK_SECRET");
  }
}
