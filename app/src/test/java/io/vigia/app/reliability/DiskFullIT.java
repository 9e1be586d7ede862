package io.vigia.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.app.PipelineHandle;
import io.vigia.app.testing.ArticleFarm;
import io.vigia.app.testing.SearchClient;
import io.vigia.common.config.Config;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk under the data folder nearly full: the pipeline runs on a small tmpfs of its own, a
 * ballast file leaves less free space than {@code data-dir-min-free-mb}; ingest and the sink must
 * pause and say why in {@code /healthz} (not crash, not corrupt the broker or the index), and once
 * the ballast is gone resume alone and index every article once. Needs permission to mount a tmpfs
 * (root, as on CI); skipped otherwise.
 */
class DiskFullIT {
  @TempDir Path tmp;
  private Path mount;

  @BeforeEach
  void mountSmallDisk() throws Exception {
    mount = Files.createDirectories(tmp.resolve("disk"));
    Process p =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=640m", "tmpfs", mount.toString())
            .redirectErrorStream(true)
            .start();
    boolean mounted = p.waitFor() == 0;
    assumeTrue(
        mounted,
        "cannot mount a tmpfs here (needs root): " + new String(p.getInputStream().readAllBytes()));
  }

  @AfterEach
  void unmount() throws Exception {
    new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start().waitFor();
  }

  @Test
  void shouldPauseWhileTheDiskIsNearlyFullAndResumeAloneWithNothingLost() throws Exception {
    Path data = mount.resolve("data");
    Path ballast = mount.resolve("ballast.bin");
    long free = Files.getFileStore(mount).getUsableSpace();
    fill(ballast, free - 200L * 1024 * 1024); // leaves ~200 MB, under the 300 MB minimum below
    try (ArticleFarm farm = new ArticleFarm(4, 25)) {
      Config config =
          Config.builder()
              .yaml(
                  farm.feedsYaml()
                      + """
          ingest:
            allow-private-addresses: true
            poll-interval: 1s
            max-poll-interval: 1s
            host-delay: 0s
          http:
            port: 0
          data-dir-min-free-mb: 300
          """)
              .set("data-dir", data.toString())
              .build();
      try (PipelineHandle p = PipelineHandle.start(config, false)) {
        JsonNode health = p.await("/healthz", h -> h.has("paused"), Duration.ofSeconds(60));
        assertThat(health.path("paused").asText())
            .contains("disk nearly full")
            .contains("data-dir-min-free-mb");
        Thread.sleep(3000);
        assertThat(p.get("/api/articles?size=0" + SearchClient.ALL).path("total").asLong())
            .as("nothing written while paused")
            .isZero();
        assertThat(farm.distinctPagesFetched())
            .as("ingest fetches nothing it could not keep")
            .isZero();

        Files.delete(ballast);
        p.await(
            "/api/articles?size=0" + SearchClient.ALL,
            j -> j.path("total").asLong() >= farm.articles(),
            Duration.ofSeconds(120));
        assertThat(p.health().has("paused")).as("resumed alone").isFalse();
        Thread.sleep(2000);
        // Duplicates included: a page indexed again under another id would be hidden as a copy of
        // itself.
        assertThat(p.get("/api/articles?size=0" + SearchClient.ALL).path("total").asLong())
            .as("each article once")
            .isEqualTo(farm.articles());
        System.out.printf("RESULT disk-full articles=%d lost=0 doubled=0%n", farm.articles());
      }
    }
  }

  private static void fill(Path file, long bytes) throws Exception {
    byte[] chunk = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long written = 0; written < bytes; written += chunk.length) {
        out.write(chunk, 0, (int) Math.min(chunk.length, bytes - written));
      }
    }
  }
}
