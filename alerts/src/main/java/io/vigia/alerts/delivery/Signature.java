package io.vigia.alerts.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: {@code sha256=} and the hex HMAC-SHA256 of the exact body bytes under
 * the subscription's secret, sent in {@value #HEADER}. The body carries {@code sentAt}, so a
 * receiver that checks the signature and rejects an old {@code sentAt} is safe from replays.
 */
public final class Signature {
  public static final String HEADER = "X-Vigia-Signature";
  public static final String TIMESTAMP_HEADER = "X-Vigia-Timestamp";
  public static final String ALERT_ID_HEADER = "X-Vigia-Alert-Id";

  private Signature() {}

  public static String sign(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** Constant-time check of a received header value, for receivers written in Java. */
  public static boolean verify(String secret, byte[] body, String header) {
    return header != null && MessageDigest.isEqual(sign(secret, body).getBytes(StandardCharsets.US_ASCII),
        header.getBytes(StandardCharsets.US_ASCII));
  }
}
