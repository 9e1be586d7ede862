package io.vigia.ingest.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a URL into the {@link PinnedTarget} a request may connect to: http(s) only, a valid host
 * and port, the host resolved once and every address it resolves to checked (private, loopback and
 * other internal addresses refused unless allowed, or the host:port exempt). The request then
 * connects to a checked address itself, so no later lookup can send it elsewhere (DNS rebinding: a
 * name that answers a public address to the check and an internal one to the connection).
 */
final class AddressPinning {
  private final boolean allowPrivate;
  private final Set<String> exemptAuthorities;
  private final HostResolver resolver;
  private final Function<InetAddress, String> guard;

  /**
   * @param exemptAuthorities {@code host:port}s reachable even when private
   * @param guard why an address is refused, or null when it is not
   */
  AddressPinning(
      boolean allowPrivate,
      Set<String> exemptAuthorities,
      HostResolver resolver,
      Function<InetAddress, String> guard) {
    this.allowPrivate = allowPrivate;
    this.exemptAuthorities = Set.copyOf(exemptAuthorities);
    this.resolver = resolver;
    this.guard = guard;
  }

  /** Why a URL may not be fetched. */
  static final class Refused extends Exception {
    private final boolean retryable;

    Refused(String message, boolean retryable) {
      super(message, null, false, false);
      this.retryable = retryable;
    }

    /** Whether the refusal may pass (a DNS lookup that failed). */
    boolean retryable() {
      return retryable;
    }
  }

  /** The target of a request to {@code url}, or why there is none. */
  PinnedTarget pin(String url) throws Refused {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new Refused("invalid URL (" + e.getReason() + ")", false);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new Refused("refused scheme '" + scheme + "': only http and https", false);
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      // java.net.URI gives no host for authorities it cannot read as one, such as 0x7f.0.0.1
      String authority =
          uri.getRawAuthority() == null
              ? ""
              : uri.getRawAuthority().replaceFirst("^.*@", "").replaceFirst(":\\d*$", "");
      String why = authority.isEmpty() ? null : AddressGuard.refusalOfHostName(authority);
      throw new Refused(
          why != null
              ? why
              : authority.isEmpty()
                  ? "URL has no host"
                  : "URL has no valid host ('" + abbreviate(authority) + "')",
          false);
    }
    int port = uri.getPort() == -1 ? (scheme.equals("https") ? 443 : 80) : uri.getPort();
    if (port < 1 || port > 65535) {
      throw new Refused("port " + port, false);
    }
    String name =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    boolean exempt = exemptAuthorities.contains(host.toLowerCase(Locale.ROOT) + ":" + port);
    return new PinnedTarget(uri, scheme, name, port, checkedAddresses(name, exempt));
  }

  /**
   * The host's addresses, resolved once and each checked (unless exempt or private addresses are
   * allowed).
   */
  private List<InetAddress> checkedAddresses(String name, boolean exempt) throws Refused {
    if (!allowPrivate && !exempt) {
      String why = AddressGuard.refusalOfHostName(name);
      if (why != null) {
        throw new Refused(why, false);
      }
    }
    InetAddress[] resolved;
    try {
      resolved = resolver.resolve(name);
    } catch (UnknownHostException e) {
      throw new Refused("unknown host " + name, true); // DNS fails transiently too
    }
    if (resolved == null || resolved.length == 0) {
      throw new Refused("unknown host " + name, true);
    }
    List<InetAddress> out = new ArrayList<>();
    for (InetAddress a : resolved) {
      String why = allowPrivate || exempt ? null : guard.apply(a);
      if (why != null) {
        throw new Refused(
            "refused "
                + why
                + " "
                + a.getHostAddress()
                + " for host "
                + name
                + " (set ingest.allow-private-addresses only for tests)",
            false);
      }
      out.add(a);
    }
    return out;
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }
}
