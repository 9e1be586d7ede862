package io.vigia.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignatureTest {
  private static final byte[] BODY =
      "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);

  @Test
  void shouldSignTheBodyWithHmacSha256InHex() {
    // The published HMAC-SHA256 test value for this key and message.
    assertThat(Signature.sign("key", BODY))
        .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
  }

  @Test
  void shouldRejectAnotherSecretAnAlteredBodyOrNoHeader() {
    String header = Signature.sign("key", BODY);
    assertThat(Signature.verify("key", BODY, header)).isTrue();
    assertThat(Signature.verify("other", BODY, header)).isFalse();
    assertThat(
            Signature.verify("key", "The quick brown fox".getBytes(StandardCharsets.UTF_8), header))
        .isFalse();
    assertThat(Signature.verify("key", BODY, null)).isFalse();
  }

  @Test
  void shouldSignTheTimestampDotBodySoAnotherTimestampFails() {
    // HMAC-SHA256("key", "1700000000.The quick brown fox jumps over the lazy dog"), as a receiver
    // computes it.
    String header = Signature.signTimestamped("key", 1700000000L, BODY);
    assertThat(header)
        .isEqualTo(
            Signature.sign(
                "key",
                ("1700000000." + new String(BODY, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8)));
    assertThat(header).matches("sha256=[0-9a-f]{64}").isNotEqualTo(Signature.sign("key", BODY));
    assertThat(Signature.verifyTimestamped("key", "1700000000", BODY, header)).isTrue();
    assertThat(Signature.verifyTimestamped("key", "1700000001", BODY, header))
        .as("a replay with a new timestamp")
        .isFalse();
    assertThat(Signature.verifyTimestamped("other", "1700000000", BODY, header)).isFalse();
    assertThat(Signature.verifyTimestamped("key", null, BODY, header)).isFalse();
  }
}
