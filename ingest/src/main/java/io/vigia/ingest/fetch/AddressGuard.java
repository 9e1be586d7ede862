package io.vigia.ingest.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which resolved addresses a fetch may never reach: loopback, private, link-local (169.254/16, where
 * cloud metadata lives), multicast, unspecified, unique-local (fc00::/7), and IPv6 forms that
 * embed one of those IPv4 addresses (IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible).
 */
public final class AddressGuard {
  private AddressGuard() {}

  /** Why {@code a} is refused, or null if it is a public address. */
  public static String refusal(InetAddress a) {
    if (a instanceof Inet6Address) {
      byte[] b = a.getAddress();
      boolean firstTenZero = true;
      for (int i = 0; i < 10; i++) {
        firstTenZero &= b[i] == 0;
      }
      boolean mapped = firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
      boolean compatible = firstTenZero && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
      if (mapped || compatible) {
        try {
          InetAddress v4 = InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
          String inner = refusal(v4);
          return inner == null ? null : "IPv4-embedding IPv6 address: " + inner;
        } catch (java.net.UnknownHostException e) {
          return "malformed address";
        }
      }
      if ((b[0] & 0xfe) == 0xfc) {
        return "unique-local address";
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
      int first = a.getAddress()[0] & 0xff;
      int second = a.getAddress()[1] & 0xff;
      if (first == 0) {
        return "'this network' address";
      }
      if (first == 100 && second >= 64 && second < 128) {
        return "carrier-grade NAT address";
      }
      if (first >= 240) {
        return "reserved address";
      }
    }
    return null;
  }
}
