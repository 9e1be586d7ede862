package io.vigia.common.http;

/** The HTTP port is taken by another process. */
public final class PortInUseException extends RuntimeException {
  public PortInUseException(String host, int port, Throwable cause) {
    super(
        "Port "
            + port
            + " on "
            + host
            + " is already in use. Stop the other process or choose another port with --port N (or http.port / VIGIA_HTTP_PORT).",
        cause);
  }
}
