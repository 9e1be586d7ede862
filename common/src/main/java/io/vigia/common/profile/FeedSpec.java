package io.vigia.common.profile;

import java.net.URI;
import java.util.Objects;

/** One feed to poll: its address and the outlet's human name. */
public record FeedSpec(String url, String name, String language) {
  public FeedSpec {
    Objects.requireNonNull(url, "feed url");
    URI uri = URI.create(url.trim());
    if (uri.getScheme() == null
        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
      throw new IllegalArgumentException("feed url must be http or https: " + url);
    }
    url = url.trim();
    name = name == null || name.isBlank() ? uri.getHost() : name;
  }

  public FeedSpec(String url, String name) {
    this(url, name, null);
  }
}
