package io.vigia.ingest.feed;

import java.time.Instant;

/** One item of a feed: where it links, its GUID, and what the feed says about it. */
public record FeedItem(String link, String guid, String title, Instant publishedAt, String summary) {}
