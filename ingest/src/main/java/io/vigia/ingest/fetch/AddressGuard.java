package io.vigia.ingest.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which resolved addresses a fetch may never reach: loopback, private, link-local (169.254/16,
 * where cloud metadata lives), multicast, unspecified, carrier-grade NAT, unique-local (fc00::/7),
 * the special-purpose and documentation ranges (IANA's special-purpose registries), and IPv6 forms
 * that embed an IPv4 address (IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible, NAT64 {@code
 * 64:ff9b::/96}, 6to4 {@code 2002::/16}) when the embedded address is one of those. News sites live
 * on public unicast addresses; nothing else is worth the risk of reaching an internal service.
 */
public final class AddressGuard {
  /** Dotted-quad decimal without leading zeros: the one IPv4 spelling every parser reads alike. */
  private static final Pattern CANONICAL_IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

  /**
   * A host whose last label is a number (decimal, or 0x hex) is an IPv4 address to a browser
   * (WHATWG URL).
   */
  private static final Pattern ENDS_IN_A_NUMBER =
      Pattern.compile("(?i)(.*\\.)?(\\d+|0x[0-9a-f]*)\\.?");

  private AddressGuard() {}

  /**
   * Why the host name itself is refused before any lookup, or null. IPv4 addresses written in
   * octal, hex, fewer than four parts or one 32-bit number ({@code 0177.0.0.1}, {@code 0x7f000001},
   * {@code 127.1}, {@code 2130706433}) mean loopback to a browser or a proxy and something else, or
   * a DNS name, to the JDK: a page that links to one is never a news site, and a parser
   * differential is how address checks are bypassed.
   */
  public static String refusalOfHostName(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") || h.contains(":")) {
      return null; // IPv6 literal: one spelling per address once parsed, checked as an address
    }
    if (ENDS_IN_A_NUMBER.matcher(h).matches() && !CANONICAL_IPV4.matcher(h).matches()) {
      return "refused non-canonical numeric host '"
          + host
          + "' (octal, hex or short IPv4 forms are read differently by different parsers)";
    }
    return null;
  }

  /** Why {@code a} is refused, or null if it is a public address. */
  public static String refusal(InetAddress a) {
    if (a instanceof Inet6Address) {
      String why = refusalOfIpv6(a.getAddress());
      if (why != null) {
        return why;
      }
    }
    if (a.isLoopbackAddress()) {
      return "loopback address";
    }
    if (a.isAnyLocalAddress()) {
      return "unspecified address";
    }
    if (a.isLinkLocalAddress()) {
      return "link-local address (cloud metadata lives here)";
    }
    if (a.isSiteLocalAddress()) {
      return "private address";
    }
    if (a.isMulticastAddress()) {
      return "multicast address";
    }
    if (a instanceof Inet4Address) {
      return refusalOfIpv4(a.getAddress());
    }
    return null;
  }

  private static String refusalOfIpv4(byte[] b) {
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    int third = b[2] & 0xff;
    if (first == 0) {
      return "'this network' address";
    }
    if (first == 100 && second >= 64 && second < 128) {
      return "carrier-grade NAT address";
    }
    if (first == 192 && second == 0 && third == 0) {
      return "IETF protocol assignment address (192.0.0.0/24)";
    }
    if (first == 192 && second == 0 && third == 2
        || first == 198 && second == 51 && third == 100
        || first == 203 && second == 0 && third == 113) {
      return "documentation address (TEST-NET)";
    }
    if (first == 198 && (second == 18 || second == 19)) {
      return "benchmarking address (198.18.0.0/15)";
    }
    if (first == 192 && second == 88 && third == 99) {
      return "6to4 relay anycast address (192.88.99.0/24)";
    }
    if (first >= 240) {
      return "reserved address";
    }
    return null;
  }

  private static String refusalOfIpv6(byte[] b) {
    boolean firstTenZero = true;
    for (int i = 0; i < 10; i++) {
      firstTenZero &= b[i] == 0;
    }
    boolean mapped = firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    boolean compatible =
        firstTenZero && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
    if (mapped || compatible) {
      return embedded("IPv4-embedding IPv6 address", b[12], b[13], b[14], b[15]);
    }
    int w0 = word(b, 0);
    int w1 = word(b, 2);
    if (w0 == 0x0064 && w1 == 0xff9b && allZero(b, 4, 12)) {
      return embedded("NAT64 address (64:ff9b::/96)", b[12], b[13], b[14], b[15]);
    }
    if (w0 == 0x0064 && w1 == 0xff9b && word(b, 4) == 0x0001) {
      return "local-use NAT64 address (64:ff9b:1::/48)";
    }
    if (w0 == 0x2002) {
      return embedded("6to4 address (2002::/16)", b[2], b[3], b[4], b[5]);
    }
    if (w0 == 0x2001 && w1 < 0x0200) {
      return "IETF special-purpose address (2001::/23: Teredo, benchmarking, ORCHID)";
    }
    if (w0 == 0x2001 && w1 == 0x0db8) {
      return "documentation address (2001:db8::/32)";
    }
    if (w0 == 0x0100 && allZero(b, 2, 8)) {
      return "discard-only address (100::/64)";
    }
    if ((b[0] & 0xfe) == 0xfc) {
      return "unique-local address";
    }
    return null;
  }

  /**
   * The embedded IPv4 address's refusal, named after the form that carried it; null when it is
   * public.
   */
  private static String embedded(String form, byte a, byte b, byte c, byte d) {
    try {
      String inner = refusal(InetAddress.getByAddress(new byte[] {a, b, c, d}));
      return inner == null ? null : form + " embedding a " + inner;
    } catch (UnknownHostException e) {
      return "malformed address";
    }
  }

  private static int word(byte[] b, int at) {
    return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
