package io.vigia.ingest.feed;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a feed's bytes to text. A byte-order mark decides. Otherwise the labels (the HTTP {@code
 * Content-Type} charset, then the XML declaration's {@code encoding}) are candidates with UTF-8 and
 * windows-1252, and the first that decodes the bytes without error wins. Servers often label a
 * UTF-8 feed Latin-1 or the reverse; bytes that are valid UTF-8 with some non-ASCII in them are
 * almost never Latin-1 text, so when the labels name UTF-8 or a Latin charset, UTF-8 is tried
 * first. ISO-8859-1 and US-ASCII are read as windows-1252, as browsers do (the WHATWG encoding
 * standard): Spanish feeds labelled Latin-1 carry windows-1252's curly quotes.
 */
public final class FeedCharset {
  private static final Pattern XML_DECLARATION_ENCODING =
      Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private FeedCharset() {}

  /**
   * The decoded text, never null; undecodable bytes become U+FFFD only when no candidate reads them
   * all.
   */
  public static String decode(byte[] body, String contentType) {
    int bomLength = 0;
    List<Charset> candidates = new ArrayList<>();
    if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
      candidates.add(StandardCharsets.UTF_8);
      bomLength = 3;
    } else if (startsWith(body, 0xFE, 0xFF)) {
      candidates.add(StandardCharsets.UTF_16BE);
      bomLength = 2;
    } else if (startsWith(body, 0xFF, 0xFE)) {
      candidates.add(StandardCharsets.UTF_16LE);
      bomLength = 2;
    }
    Charset header = fromContentType(contentType);
    Charset declared = fromXmlDeclaration(body);
    if (latinOrUtf8(header) && latinOrUtf8(declared)) {
      add(candidates, StandardCharsets.UTF_8);
    }
    add(candidates, header);
    add(candidates, declared);
    add(candidates, StandardCharsets.UTF_8);
    add(candidates, WINDOWS_1252);
    ByteBuffer bytes = ByteBuffer.wrap(body, bomLength, body.length - bomLength);
    for (Charset c : candidates) {
      try {
        return c.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(bytes.duplicate())
            .toString();
      } catch (CharacterCodingException e) {
        // the next candidate
      }
    }
    return new String(body, bomLength, body.length - bomLength, candidates.get(0));
  }

  private static boolean latinOrUtf8(Charset c) {
    if (c == null) {
      return true;
    }
    String n = c.name().toUpperCase(Locale.ROOT);
    return n.equals("UTF-8")
        || n.equals("US-ASCII")
        || n.startsWith("ISO-8859-")
        || n.startsWith("WINDOWS-125");
  }

  private static void add(List<Charset> candidates, Charset c) {
    if (c != null) {
      Charset browserView =
          c.equals(StandardCharsets.ISO_8859_1) || c.equals(StandardCharsets.US_ASCII)
              ? WINDOWS_1252
              : c;
      if (!candidates.contains(browserView)) {
        candidates.add(browserView);
      }
    }
  }

  static Charset fromContentType(String contentType) {
    if (contentType == null) {
      return null;
    }
    for (String part : contentType.split(";")) {
      String p = part.trim();
      if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
        return named(p.substring(8).replace("\"", "").replace("'", "").trim());
      }
    }
    return null;
  }

  static Charset fromXmlDeclaration(byte[] body) {
    // The declaration is ASCII in every charset a feed may use but UTF-16/32, which carry a BOM.
    String head =
        new String(body, 0, Math.min(body.length, 256), StandardCharsets.ISO_8859_1)
            .replace("\uFEFF", "");
    if (head.startsWith("ï»¿")) {
      head = head.substring(3);
    }
    Matcher m = XML_DECLARATION_ENCODING.matcher(head);
    return m.find() ? named(m.group(1)) : null;
  }

  private static Charset named(String name) {
    try {
      return Charset.forName(name);
    } catch (RuntimeException e) {
      return null; // an unknown or illegal label decides nothing: the other candidates do
    }
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
