package io.vigia.ingest.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

/**
 * Where one request goes: its URI, the host {@code name} (without IPv6 brackets) that the Host
 * header, TLS SNI and certificate check use, and the {@code addresses} it resolved to, each
 * checked, the only ones the request may connect to.
 */
record PinnedTarget(URI uri, String scheme, String name, int port, List<InetAddress> addresses) {
  PinnedTarget {
    addresses = List.copyOf(addresses);
  }
}
