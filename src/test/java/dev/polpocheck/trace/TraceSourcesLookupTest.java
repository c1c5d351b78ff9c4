package dev.polpocheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Protects where {@code cost} looks without TRACES (ccusage's rule: each comma-separated
 * {@code CLAUDE_CONFIG_DIR} folder + {@code /projects}, else {@code ~/.config/claude/projects} then
 * {@code ~/.claude/projects}) and that a Codex rollout is named as foreign, never read as zero
 * calls.
 */
class TraceSourcesLookupTest {

  @Test
  void candidates_configDirListTrimmedBlankEntriesDropped() {
    assertEquals(
        List.of(Path.of("/a/projects"), Path.of("/b c/projects")),
        ClaudeProjects.candidates(" /a , ,/b c", Path.of("/home/u")));
  }

  @Test
  void candidates_withoutConfigDir_xdgFolderThenDotClaude() {
    List<Path> expected =
        List.of(Path.of("/home/u/.config/claude/projects"), Path.of("/home/u/.claude/projects"));
    assertEquals(expected, ClaudeProjects.candidates(null, Path.of("/home/u")));
    assertEquals(expected, ClaudeProjects.candidates("  ", Path.of("/home/u")));
  }

  @Test
  void existing_keepsOnlyDirectoriesInOrder(@TempDir Path dir) throws IOException {
    Path a = Files.createDirectory(dir.resolve("a"));
    Path file = Files.writeString(dir.resolve("f"), "x");
    Path c = Files.createDirectory(dir.resolve("c"));
    assertEquals(
        List.of(c, a), ClaudeProjects.existing(List.of(c, dir.resolve("missing"), file, a)));
  }

  @Test
  void codexRollout_isForeignWithOneWholeFileProblemAndNoRecord() {
    FileResult r = new FileResult("rollout.jsonl");
    new CodexRollouts()
        .parse(Path.of("rollout.jsonl"), new ByteArrayInputStream(new byte[0]), r);
    assertEquals(CodexRollouts.NAME, r.foreign);
    assertEquals(0, r.records);
    assertEquals(0, r.skipped);
    assertEquals(
        List.of(
            "rollout.jsonl: a Codex CLI rollout, not read: polpo-check does not price Codex usage"),
        r.problems.stream().map(TraceProblem::toString).toList());
  }
}
