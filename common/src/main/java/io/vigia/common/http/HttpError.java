package io.vigia.common.http;

/** An error a handler reports to the client with its status; the message is shown to the client. */
public final class HttpError extends RuntimeException {
  private final int status;

  public HttpError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public static HttpError badRequest(String message) {
    return new HttpError(400, message);
  }

  public static HttpError notFound(String message) {
    return new HttpError(404, message);
  }
}
