package io.vigia.ingest.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Resolves a host name to its addresses; the fetcher asks once per request and connects only to
 * what it checked.
 */
@FunctionalInterface
public interface HostResolver {
  HostResolver SYSTEM = InetAddress::getAllByName;

  InetAddress[] resolve(String host) throws UnknownHostException;
}
