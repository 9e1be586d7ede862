package io.vigia.ingest.fetch;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** Answers of the loopback fixture servers in this package's tests. */
final class Replies {
  private Replies() {}

  /** Sends {@code status} with {@code body} (none when empty) and ends the exchange. */
  static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
    ex.close();
  }
}
