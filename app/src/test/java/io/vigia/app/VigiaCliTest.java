package io.vigia.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VigiaCliTest {
  @org.junit.jupiter.api.extension.RegisterExtension
  final ConsoleCapture console = new ConsoleCapture();

  private final ByteArrayOutputStream out = console.out;
  private final ByteArrayOutputStream err = console.err;

  @Test
  void shouldListEveryCommandInHelpWithAWholeSentence() {
    assertThat(Vigia.execute("--help")).isZero();
    String help = out.toString(StandardCharsets.UTF_8);
    assertThat(help).contains("Commands:");
    // The listing: "  name   summary", wrapped summaries continue on lines indented further.
    Map<String, StringBuilder> summaries = new LinkedHashMap<>();
    String current = null;
    for (String line : help.substring(help.indexOf("Commands:")).lines().skip(1).toList()) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("^  (\\S+)\\s+(.*)$").matcher(line);
      if (m.matches()) {
        current = m.group(1);
        summaries.put(current, new StringBuilder(m.group(2).trim()));
      } else if (current != null && !line.isBlank()) {
        summaries.get(current).append(' ').append(line.trim());
      }
    }
    Set<String> commands = new CommandLine(new Vigia()).getSubcommands().keySet();
    assertThat(summaries.keySet())
        .as("every command is listed")
        .containsExactlyInAnyOrderElementsOf(commands);
    summaries.forEach(
        (name, summary) ->
            assertThat(summary.toString())
                .as("%s's summary is not cut mid-sentence", name)
                .endsWith("."));
  }

  @Test
  void shouldExitWithAClearMessageWhenThePortIsTaken(@TempDir Path data) throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int code =
          Vigia.execute(
              "run", "--port", String.valueOf(taken.getLocalPort()), "--data", data.toString());
      assertThat(code).isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .contains("already in use")
          .contains("--port");
    }
  }

  @Test
  void shouldExitWithAClearMessageWhenTheDataFolderIsUnusable(@TempDir Path tmp)
      throws IOException {
    Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
    int code = Vigia.execute("run", "--port", "0", "--data", file.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("data folder").contains("--data");
  }

  @Test
  void shouldExitWithAClearMessageOnABadConfigFile(@TempDir Path tmp) throws IOException {
    Path cfg = Files.writeString(tmp.resolve("bad.yaml"), "http:\n  port: eighty\n");
    int code =
        Vigia.execute("run", "--config", cfg.toString(), "--data", tmp.resolve("d").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("'http.port' is 'eighty'");
  }
}
