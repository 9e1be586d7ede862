package io.vigia.ingest.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigia.ingest.extract.ExtractedPage;
import io.vigia.ingest.extract.JsoupArticleExtractor;
import java.nio.charset.StandardCharsets;

/**
 * The extractor under coverage-guided fuzzing: any page gives a result (an article or a non-article
 * with a reason), never an exception. Seeds replay in every build; {@code JAZZER_FUZZ=1} fuzzes for
 * real.
 */
class ArticleExtractorFuzzTest {
  private final JsoupArticleExtractor extractor = new JsoupArticleExtractor();

  @FuzzTest(maxDuration = "60s")
  void shouldAlwaysReturnAResult(byte[] page) {
    ExtractedPage result =
        extractor.extract(
            "https://fuzz.example/2024/07/29/nota.html", page, StandardCharsets.UTF_8);
    assertThat(result).isNotNull();
    if (!result.isArticle()) {
      assertThat(result.notArticleReason()).isNotBlank();
    }
  }
}
