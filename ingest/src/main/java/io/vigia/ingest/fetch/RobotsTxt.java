package io.vigia.ingest.fetch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules of one robots.txt for one crawler (RFC 9309): the group naming our product token, else
 * the {@code *} group; the longest matching Allow/Disallow path wins, Allow on a tie; {@code *} and
 * a trailing {@code $} in paths; {@code Crawl-delay} (not in the RFC, widely used) read as seconds.
 */
public record RobotsTxt(List<Rule> rules, Duration crawlDelay) {
  public static final RobotsTxt ALLOW_ALL = new RobotsTxt(List.of(), null);

  public record Rule(boolean allow, String path) {}

  public static RobotsTxt parse(String text, String productToken) {
    String token = productToken.toLowerCase(Locale.ROOT);
    List<Rule> ours = null;
    List<Rule> star = null;
    Duration oursDelay = null;
    Duration starDelay = null;
    List<String> agents = new ArrayList<>();
    List<Rule> current = new ArrayList<>();
    Duration currentDelay = null;
    boolean inRules = false;
    for (String raw : (text + "\nuser-agent: end-of-file-sentinel").split("\\r?\\n|\\r")) {
      String line = raw.replaceFirst("#.*", "").trim();
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      if (key.equals("user-agent")) {
        if (inRules) { // a new group begins: file the one just read
          for (String a : agents) {
            if (a.equals("*")) {
              star = star == null ? new ArrayList<>(current) : append(star, current);
              starDelay = starDelay == null ? currentDelay : starDelay;
            } else if (token.contains(a) || a.contains(token)) {
              ours = ours == null ? new ArrayList<>(current) : append(ours, current);
              oursDelay = oursDelay == null ? currentDelay : oursDelay;
            }
          }
          agents.clear();
          current = new ArrayList<>();
          currentDelay = null;
          inRules = false;
        }
        agents.add(value.toLowerCase(Locale.ROOT));
      } else if (key.equals("allow") || key.equals("disallow")) {
        inRules = true;
        if (!value.isEmpty()) {
          current.add(new Rule(key.equals("allow"), value));
        }
      } else if (key.equals("crawl-delay")) {
        inRules = true;
        try {
          double seconds = Double.parseDouble(value);
          if (seconds >= 0 && seconds <= 86_400) {
            currentDelay = Duration.ofMillis((long) (seconds * 1000));
          }
        } catch (NumberFormatException e) {
          // ignored, as crawlers do
        }
      }
    }
    return ours != null
        ? new RobotsTxt(List.copyOf(ours), oursDelay)
        : star != null ? new RobotsTxt(List.copyOf(star), starDelay) : ALLOW_ALL;
  }

  private static List<Rule> append(List<Rule> a, List<Rule> b) {
    a.addAll(b);
    return a;
  }

  /** Whether {@code pathAndQuery} (starting with /) may be fetched. */
  public boolean allows(String pathAndQuery) {
    Rule best = null;
    for (Rule r : rules) {
      if (matches(r.path(), pathAndQuery)
          && (best == null
              || r.path().length() > best.path().length()
              || r.path().length() == best.path().length() && r.allow())) {
        best = r;
      }
    }
    return best == null || best.allow();
  }

  private static boolean matches(String pattern, String path) {
    boolean anchored = pattern.endsWith("$");
    String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
    return match(p, 0, path, 0, anchored);
  }

  private static boolean match(String p, int i, String s, int j, boolean anchored) {
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '*') {
        for (int k = j; k <= s.length(); k++) {
          if (match(p, i + 1, s, k, anchored)) {
            return true;
          }
        }
        return false;
      }
      if (j >= s.length() || s.charAt(j) != c) {
        return false;
      }
      i++;
      j++;
    }
    return !anchored || j == s.length();
  }
}
