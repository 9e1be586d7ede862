package io.vigia.alerts.delivery;

/** How one attempt to deliver went. */
public sealed interface DeliveryResult {
  record Delivered() implements DeliveryResult {}

  /**
   * @param retryable false when trying again cannot help (e.g. HTTP 400, a refused address)
   */
  record Failed(String reason, boolean retryable) implements DeliveryResult {}

  static DeliveryResult delivered() {
    return new Delivered();
  }

  static DeliveryResult failed(String reason, boolean retryable) {
    return new Failed(reason, retryable);
  }
}
