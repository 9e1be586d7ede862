package io.vigia.enrich.stance;

import io.vigia.common.profile.WatchProfile;

/** The bundled profile's stance cues, read once for the stance tests, and what reads them. */
final class BundledCues {
  static final StanceCues CUES =
      StanceCues.from(
          WatchProfile.load("venezuela-elections").readTree("stance.yaml").orElseThrow(),
          "bundled");
  static final CueStanceScorer SCORER = new CueStanceScorer(CUES);

  /** The features toward the first target (the government), the voice features included. */
  static final StanceFeatures FEATURES = new StanceFeatures(CUES.targets().get(0), true);

  private BundledCues() {}
}
