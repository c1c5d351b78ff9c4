package dev.polpocheck.validate;

import java.util.Locale;
import java.util.Optional;

/**
 * The Polpo line a run validates against: Polpo 0.3.x ({@code alemicali/polpo-zhc}) or the current
 * upstream ({@code lumea-labs/polpo}). A target decides which files a project has, which schema
 * each file gets, which rules run ({@link Rule#targets()}) and whether a local model catalog
 * applies.
 *
 * <p>The two lines read the same file names differently: upstream reads {@code .polpo/polpo.json}
 * only when {@code project.json} is absent (its {@code activePolpoConfigPath}), reads legacy {@code
 * agents.json} entries with or without the {@code {agent, teamName}} wrapper, and sends {@code
 * provider/model} ids to a gateway instead of looking them up in pi-ai's catalog.
 */
public enum PolpoTarget {
  /** Polpo 0.3.x: polpo.json, agents.json, teams.json, pi-ai's model catalog. */
  V03("0.3", "Polpo 0.3.x"),
  /** Current upstream: project.json, agents/&lt;id&gt;/agent.json, teams/&lt;id&gt;.json. */
  UPSTREAM("upstream", "Polpo upstream");

  private final String id;
  private final String label;

  PolpoTarget(String id, String label) {
    this.id = id;
    this.label = label;
  }

  /** The name used by {@code --polpo} and machine-readable reports. */
  public String id() {
    return id;
  }

  /** The name shown to people ("Polpo 0.3.x"). */
  public String label() {
    return label;
  }

  /** The target named {@code id} ({@code 0.3} or {@code upstream}). */
  public static Optional<PolpoTarget> fromId(String id) {
    String wanted = id.toLowerCase(Locale.ROOT);
    for (PolpoTarget t : values()) {
      if (t.id.equals(wanted)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** Whether this target reads files of {@code kind} at all. */
  public boolean reads(FileKind kind) {
    return this == UPSTREAM || !kind.upstreamOnly();
  }

  /**
   * The schema file (under {@code schemas/}) that describes a file of {@code kind} for this target.
   * A layout-v2 kind keeps its own schema under either target (the command line refuses such files
   * for 0.3.x, see {@link #reads}).
   */
  public String schemaFile(FileKind kind) {
    if (this == V03 || kind.upstreamOnly()) {
      return kind.schemaFile();
    }
    switch (kind) {
      case POLPO:
        // Upstream's legacy project config: same reader as project.json.
        return FileKind.PROJECT.schemaFile();
      case AGENTS:
        return "agents-upstream.schema.json";
      case TEAMS:
        return "teams-upstream.schema.json";
      default:
        return kind.schemaFile();
    }
  }
}
