package io.vigia.alerts.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signatures, both {@code sha256=} and a hex HMAC-SHA256 under the subscription's
 * secret: {@value #HEADER} over the exact body bytes, and {@value #TIMESTAMPED_HEADER} over {@code
 * <X-Vigia-Timestamp>.<body>} (the decimal Unix seconds, a dot, the body bytes), so the timestamp a
 * receiver checks against replays is covered by the signature too.
 */
public final class Signature {
  public static final String HEADER = "X-Vigia-Signature";
  public static final String TIMESTAMP_HEADER = "X-Vigia-Timestamp";
  public static final String ALERT_ID_HEADER = "X-Vigia-Alert-Id";
  public static final String TIMESTAMPED_HEADER = "X-Vigia-Signature-Timestamped";

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

  /** The signature of {@code timestamp + "." + body}: what {@value #TIMESTAMPED_HEADER} carries. */
  public static String signTimestamped(String secret, long timestamp, byte[] body) {
    byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
    byte[] signed = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, signed, 0, prefix.length);
    System.arraycopy(body, 0, signed, prefix.length, body.length);
    return sign(secret, signed);
  }

  /**
   * Constant-time check of {@value #TIMESTAMPED_HEADER}, for receivers written in Java (check the
   * timestamp's age too).
   */
  public static boolean verifyTimestamped(
      String secret, String timestamp, byte[] body, String header) {
    long t;
    try {
      t = Long.parseLong(timestamp);
    } catch (NumberFormatException | NullPointerException e) {
      return false;
    }
    return header != null
        && MessageDigest.isEqual(
            signTimestamped(secret, t, body).getBytes(StandardCharsets.US_ASCII),
            header.getBytes(StandardCharsets.US_ASCII));
  }

  /** Constant-time check of a received header value, for receivers written in Java. */
  public static boolean verify(String secret, byte[] body, String header) {
    return header != null
        && MessageDigest.isEqual(
            sign(secret, body).getBytes(StandardCharsets.US_ASCII),
            header.getBytes(StandardCharsets.US_ASCII));
  }
}
