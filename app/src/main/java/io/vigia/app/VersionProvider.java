package io.vigia.app;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest (or "dev" when run from classes). */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Vigia.class.getPackage().getImplementationVersion();
    return new String[] {"vigia " + (v == null ? "dev" : v)};
  }
}
