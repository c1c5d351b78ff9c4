package dev.polpocheck.trace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where Claude Code keeps its transcripts, looked up as ccusage does: each folder of {@code
 * $CLAUDE_CONFIG_DIR} (comma-separated) with {@code /projects} appended; without it, {@code
 * ~/.config/claude/projects} and {@code ~/.claude/projects}. What {@code cost} reads when it is
 * given no TRACES.
 */
public final class ClaudeProjects {
  private ClaudeProjects() {}

  /** The folders looked in, in order, whether they exist or not. */
  public static List<Path> candidates(String claudeConfigDir, Path home) {
    List<Path> l = new ArrayList<>();
    if (claudeConfigDir != null && !claudeConfigDir.isBlank()) {
      for (String d : claudeConfigDir.split(",")) {
        if (!d.isBlank()) {
          l.add(Path.of(d.trim()).resolve("projects"));
        }
      }
      return l;
    }
    l.add(home.resolve(".config").resolve("claude").resolve("projects"));
    l.add(home.resolve(".claude").resolve("projects"));
    return l;
  }

  /** The candidates that are directories. */
  public static List<Path> existing(List<Path> candidates) {
    return candidates.stream().filter(Files::isDirectory).toList();
  }
}
