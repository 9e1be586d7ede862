package io.vigia.common.config;

import static io.vigia.common.config.Config.ENV_PREFIX;
import static io.vigia.common.config.Config.envName;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The check of the environment's {@code VIGIA_} variables against the known keys. */
final class UnknownVariables {
  private UnknownVariables() {}

  /**
   * A {@code VIGIA_} variable that looks like configuration but names no key stops the start, as an
   * unknown key in a file does: a typo ({@code VIGIA_HTTP_PROT}) must not silently leave the
   * default. It looks like configuration when it lies in a key's namespace (it starts with the
   * variable of a top-level key or section: {@code VIGIA_KAFKA_}, {@code VIGIA_SINK_}, {@code
   * VIGIA_DATA_DIR}, ...) or is the tail of a key's variable without its section ({@code
   * VIGIA_PORT}, {@code VIGIA_BOOTSTRAP_SERVERS}). Other {@code VIGIA_} names are not configuration
   * and are left alone: {@code VIGIA_JAVA_OPTS} (read by {@code ./vigia}), {@code VIGIA_TEST_*}
   * (the test harness), a variable of your own used as {@code ${NAME}} in a subscriptions file.
   */
  static void refuse(Map<String, String> env, List<String> keys) {
    Set<String> known = new HashSet<>();
    Set<String> namespaces = new HashSet<>();
    for (String key : keys) {
      known.add(envName(key));
      namespaces.add(envName(key.split("\\.")[0]));
    }
    List<String> unknown = new ArrayList<>();
    for (String var : new TreeSet<>(env.keySet())) {
      if (!var.startsWith(ENV_PREFIX) || known.contains(var) || NOT_CONFIGURATION.contains(var)) {
        continue;
      }
      String rest = var.substring(ENV_PREFIX.length());
      boolean inNamespace =
          namespaces.stream().anyMatch(ns -> var.equals(ns) || var.startsWith(ns + "_"));
      boolean tailOfAKey = known.stream().anyMatch(k -> k.endsWith("_" + rest));
      if (inNamespace || tailOfAKey) {
        unknown.add(var + closest(var, known));
      }
    }
    if (!unknown.isEmpty()) {
      throw new ConfigException(
          "Unknown environment variable"
              + (unknown.size() > 1 ? "s " : " ")
              + String.join(", ", unknown)
              + ": no config key is set this way. Key a.b-c is VIGIA_A_B_C; the keys are listed in vigia-defaults.yaml "
              + "(see README, Configuration). Fix the name or unset the variable.");
    }
  }

  /** Variables with the prefix that are documented and are not keys. */
  private static final Set<String> NOT_CONFIGURATION = Set.of("VIGIA_JAVA_OPTS");

  private static String closest(String var, Set<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String rest = var.substring(ENV_PREFIX.length());
    for (String k : known) {
      int d = k.endsWith("_" + rest) ? 0 : editDistance(var, k);
      if (d < bestDistance
          || (d == bestDistance
              && best != null
              && (k.length() < best.length()
                  || (k.length() == best.length() && k.compareTo(best) < 0)))) {
        best = k;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= Math.max(3, var.length() / 4)
        ? " (did you mean " + best + "?)"
        : "";
  }

  private static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
