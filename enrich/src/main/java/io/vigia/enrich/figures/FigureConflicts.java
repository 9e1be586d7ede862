package io.vigia.enrich.figures;

import io.vigia.schemas.ConflictingValue;
import io.vigia.schemas.FigureClaim;
import io.vigia.schemas.FigureConflict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a story's claims disagree. Claims are compared only within one quantity about one subject
 * (the user's "most votes in 20 of 23 states" and "18 of 23 governorships" are two quantities, so
 * never compared), only with the same denominator when both write one (23 of 24 governorships in
 * 2025 and 19 of 23 in 2021 are two elections), and only fractions with fractions. Two values
 * differ when they are further apart than the precision each is written to (42.26% and "42,3 por
 * ciento" do not; a range covers its span). A key is a conflict when two claims in different voices
 * differ: claims in one voice (the same attributed source, or the same outlet speaking itself) are
 * revisions, never a conflict. Claims about two different elections are never compared (a party's
 * 19 governorships in 2021 and its count in 2025): a key's claims are read per election, a claim
 * whose election is not known (stored before claims had one) with each.
 */
public final class FigureConflicts {
  /** Slack for values written with no stated precision. */
  private static final double EPSILON = 1e-9;

  private FigureConflicts() {}

  /**
   * The conflicts among the claims, one per (quantity, subject, election) key, in first-claim
   * order.
   */
  static List<FigureConflict> of(List<StoredClaim> claims) {
    Map<String, List<StoredClaim>> byKey = new LinkedHashMap<>();
    for (StoredClaim c : claims) {
      byKey.computeIfAbsent(c.quantity() + "\u0000" + c.subject(), k -> new ArrayList<>()).add(c);
    }
    List<FigureConflict> out = new ArrayList<>();
    for (List<StoredClaim> key : byKey.values()) {
      if (key.size() < 2) {
        continue;
      }
      for (Map.Entry<String, List<StoredClaim>> e : byElection(key).entrySet()) {
        List<StoredClaim> same = e.getValue();
        if (same.size() > 1 && conflicting(same)) {
          out.add(conflict(same, e.getKey()));
        }
      }
    }
    return out;
  }

  /**
   * A key's claims per election they are about, in first-claim order: the claims of one known
   * election with those of none known; all of them together (under null) when none is known.
   */
  private static Map<String, List<StoredClaim>> byElection(List<StoredClaim> key) {
    Map<String, List<StoredClaim>> out = new LinkedHashMap<>();
    for (StoredClaim c : key) {
      if (c.election() != null) {
        out.computeIfAbsent(c.election(), k -> new ArrayList<>());
      }
    }
    if (out.isEmpty()) {
      out.put(null, key);
      return out;
    }
    for (StoredClaim c : key) {
      for (Map.Entry<String, List<StoredClaim>> e : out.entrySet()) {
        if (c.election() == null || c.election().equals(e.getKey())) {
          e.getValue().add(c);
        }
      }
    }
    return out;
  }

  private static boolean conflicting(List<StoredClaim> key) {
    List<String> voices = voices(key);
    for (int i = 0; i < key.size(); i++) {
      for (int j = i + 1; j < key.size(); j++) {
        StoredClaim a = key.get(i);
        StoredClaim b = key.get(j);
        if (!voices.get(i).equals(voices.get(j)) && comparable(a, b) && differ(a, b)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Each claim's voice; an outlet stating in its own voice a value some named source states is
   * repeating that source (a paper printing the council's final turnout without saying so), so it
   * speaks with that source's voice and is no conflict with the source's own revisions.
   */
  private static List<String> voices(List<StoredClaim> key) {
    List<String> out = new ArrayList<>(key.size());
    for (StoredClaim c : key) {
      String voice = c.voice();
      if (c.attributedTo() == null) {
        for (StoredClaim named : key) {
          if (named.attributedTo() != null && comparable(named, c) && !differ(named, c)) {
            voice = named.voice();
            break;
          }
        }
      }
      out.add(voice);
    }
    return out;
  }

  /**
   * Not about two different elections; same denominator when both have one; a fraction only against
   * a fraction.
   */
  static boolean comparable(StoredClaim a, StoredClaim b) {
    if (a.otherElectionThan(b)) {
      return false;
    }
    if (a.total() != null && b.total() != null && !Objects.equals(a.total(), b.total())) {
      return false;
    }
    return (a.value() <= 1 && a.upper() <= 1) == (b.value() <= 1 && b.upper() <= 1);
  }

  /** Further apart than the precision either is written to. */
  static boolean differ(StoredClaim a, StoredClaim b) {
    double pa = Math.max(a.precision(), EPSILON);
    double pb = Math.max(b.precision(), EPSILON);
    double slack = Math.max(pa, pb);
    return a.value() - slack > b.upper() || b.value() - slack > a.upper();
  }

  /** The key's values: each claim joins the first value it does not differ from. */
  private static FigureConflict conflict(List<StoredClaim> key, String election) {
    List<List<StoredClaim>> values = new ArrayList<>();
    List<StoredClaim> sorted = new ArrayList<>(key);
    // The most precisely written claim of a value stands for it.
    sorted.sort(Comparator.comparingDouble(StoredClaim::precision));
    for (StoredClaim c : sorted) {
      List<StoredClaim> home = null;
      for (List<StoredClaim> v : values) {
        if (comparable(v.get(0), c) && !differ(v.get(0), c)) {
          home = v;
          break;
        }
      }
      if (home == null) {
        home = new ArrayList<>();
        values.add(home);
      }
      home.add(c);
    }
    values.sort(Comparator.comparingDouble(v -> -v.get(0).value()));
    List<ConflictingValue> avro = new ArrayList<>();
    for (List<StoredClaim> v : values) {
      List<FigureClaim> claims = new ArrayList<>();
      v.stream()
          .sorted(Comparator.comparingLong(StoredClaim::time))
          .forEach(c -> claims.add(c.toAvro()));
      avro.add(
          ConflictingValue.newBuilder()
              .setValue(v.get(0).value())
              .setMax(v.get(0).max())
              .setClaims(claims)
              .build());
    }
    return FigureConflict.newBuilder()
        .setQuantity(key.get(0).quantity())
        .setSubject(key.get(0).subject())
        .setElection(election)
        .setValues(avro)
        .build();
  }
}
