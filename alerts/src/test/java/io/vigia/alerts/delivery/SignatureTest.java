package io.vigia.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignatureTest {
  private static final byte[] BODY = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);

  @Test
  void shouldSignTheBodyWithHmacSha256InHex() {
    // The published HMAC-SHA256 test value for this key and message.
    assertThat(Signature.sign("key", BODY)).isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
  }

  @Test
  void shouldRejectAnotherSecretAnAlteredBodyOrNoHeader() {
    String header = Signature.sign("key", BODY);
    assertThat(Signature.verify("key", BODY, header)).isTrue();
    assertThat(Signature.verify("other", BODY, header)).isFalse();
    assertThat(Signature.verify("key", "The quick brown fox".getBytes(StandardCharsets.UTF_8), header)).isFalse();
    assertThat(Signature.verify("key", BODY, null)).isFalse();
  }
}
