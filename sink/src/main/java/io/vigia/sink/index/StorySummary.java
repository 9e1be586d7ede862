package io.vigia.sink.index;

import java.time.Instant;

/** A story (articles about one event, across sources and languages) as the stories API lists it. */
public record StorySummary(
    String story, String title, long articles, long sources, Instant first, Instant last) {}
