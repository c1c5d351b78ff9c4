package dev.polpocheck.validate;

import java.util.Locale;
import java.util.Optional;

/** The Polpo files polpo-check knows, each with its basename and its schema. */
public enum FileKind {
  /** {@code .polpo/polpo.json}: project, settings, providers. */
  POLPO("polpo", "polpo.json", "polpo.schema.json"),
  /** {@code .polpo/agents.json}: array of {@code {agent, teamName}}. */
  AGENTS("agents", "agents.json", "agents.schema.json"),
  /** {@code .polpo/teams.json}: array of teams. */
  TEAMS("teams", "teams.json", "teams.schema.json"),
  /** {@code ~/.polpo/auth-profiles.json}: OAuth and API-key profiles. */
  AUTH_PROFILES("auth-profiles", "auth-profiles.json", "auth-profiles.schema.json"),
  /** Upstream {@code .polpo/project.json}: the project config of layout v2. */
  PROJECT("project", "project.json", "project.schema.json"),
  /** Upstream {@code .polpo/agents/<id>/agent.json}: one agent, named by its folder. */
  AGENT("agent", "agent.json", "agent.schema.json"),
  /** Upstream {@code .polpo/teams/<id>.json}: one team, named by its file. */
  TEAM("team", "teams/<id>.json", "team.schema.json");

  private final String id;
  private final String basename;
  private final String schemaFile;

  FileKind(String id, String basename, String schemaFile) {
    this.id = id;
    this.basename = basename;
    this.schemaFile = schemaFile;
  }

  /** The name used by {@code --kind}, {@code polpo-check schema NAME} and JSON output. */
  public String id() {
    return id;
  }

  /** The file name Polpo reads ({@code polpo.json}, ...). */
  public String basename() {
    return basename;
  }

  /** The schema's file name under {@code schemas/} ({@code polpo.schema.json}, ...). */
  public String schemaFile() {
    return schemaFile;
  }

  /** Whether only the upstream target reads this kind (the files of layout v2). */
  public boolean upstreamOnly() {
    return this == PROJECT || this == AGENT || this == TEAM;
  }

  /** The kind whose basename equals {@code fileName} exactly (Polpo's names are lower case). */
  public static Optional<FileKind> fromBasename(String fileName) {
    for (FileKind k : values()) {
      if (k.basename.equals(fileName)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /**
   * The kind named {@code id} ({@code polpo}, {@code agents}, {@code teams}, {@code auth-profiles},
   * {@code project}, {@code agent}, {@code team}).
   */
  public static Optional<FileKind> fromId(String id) {
    String wanted = id.toLowerCase(Locale.ROOT);
    for (FileKind k : values()) {
      if (k.id.equals(wanted)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
