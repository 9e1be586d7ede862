package io.vigia.enrich.figures;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cues of a {@link CueIndex} as a character trie in flat arrays, its nodes numbered breadth
 * first: the nodes read most (the first letters of a word) lie together in memory, and a step from
 * a node to its child by a letter is one read of an int array. Read-only once built.
 */
final class CueTrie {
  /** The node every cue starts from. */
  static final int ROOT = 0;

  /** No node: the text goes where no cue does. */
  static final int NONE = -1;

  /** The child of node {@code n} by letter {@code c} (a-z) at {@code n * 26 + (c - 'a')}. */
  private final int[] letters;

  /** Per node, its children by any other character (a space, a digit, an apostrophe...). */
  private final char[][] otherKeys;

  private final int[][] otherKids;

  /** Per node, the number of the cue that ends there, or -1. */
  private final int[] cue;

  /** A node while the trie is built. */
  private static final class Building {
    final Map<Character, Building> kids = new TreeMap<>();
    int cue = -1;
    int number;
  }

  /** The trie of every cue, each ending at a node that carries its number. */
  CueTrie(Map<String, Integer> cues) {
    Building root = new Building();
    int count = 1;
    for (Map.Entry<String, Integer> e : cues.entrySet()) {
      Building n = root;
      for (char c : e.getKey().toCharArray()) {
        Building next = n.kids.get(c);
        if (next == null) {
          next = new Building();
          n.kids.put(c, next);
          count++;
        }
        n = next;
      }
      n.cue = e.getValue();
    }
    letters = new int[count * 26];
    java.util.Arrays.fill(letters, NONE);
    otherKeys = new char[count][];
    otherKids = new int[count][];
    cue = new int[count];
    ArrayDeque<Building> queue = new ArrayDeque<>();
    root.number = ROOT;
    int numbered = 1;
    queue.add(root);
    while (!queue.isEmpty()) {
      Building n = queue.poll();
      for (Building kid : n.kids.values()) {
        kid.number = numbered++;
        queue.add(kid);
      }
    }
    queue.add(root);
    while (!queue.isEmpty()) {
      Building n = queue.poll();
      cue[n.number] = n.cue;
      int others = 0;
      for (char c : n.kids.keySet()) {
        others += c >= 'a' && c <= 'z' ? 0 : 1;
      }
      char[] keys = new char[others];
      int[] kids = new int[others];
      int k = 0;
      for (Map.Entry<Character, Building> e : n.kids.entrySet()) {
        char c = e.getKey();
        if (c >= 'a' && c <= 'z') {
          letters[n.number * 26 + (c - 'a')] = e.getValue().number;
        } else {
          keys[k] = c;
          kids[k++] = e.getValue().number;
        }
        queue.add(e.getValue());
      }
      otherKeys[n.number] = keys;
      otherKids[n.number] = kids;
    }
  }

  /** The child of {@code node} by {@code c}, or {@link #NONE}. */
  int next(int node, char c) {
    if (c >= 'a' && c <= 'z') {
      return letters[node * 26 + (c - 'a')];
    }
    char[] keys = otherKeys[node];
    for (int k = 0; k < keys.length; k++) {
      if (keys[k] == c) {
        return otherKids[node][k];
      }
    }
    return NONE;
  }

  /** The number of the cue that ends at {@code node}, or -1. */
  int cue(int node) {
    return cue[node];
  }
}
